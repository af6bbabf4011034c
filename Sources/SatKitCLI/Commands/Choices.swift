// The closed sets of words that options accept. The command line owns these names; when a
// command is wired to its library, map each to the library's own type (for example
// `IntervalMethodName.wilsonCC` to the statistics module's interval method).

/// `--lang`: the language of labels and generated text.
enum Language: String, ChoiceValue {
    case vi, en
}

/// `--format` of `analyze` and `compare`.
enum TableFormat: String, ChoiceValue {
    case table, json, csv
}

/// `--format` of `survey describe`.
enum CodebookFormat: String, ChoiceValue {
    case text, markdown, json
}

/// `--format` of `report`.
enum ReportFormat: String, ChoiceValue {
    case html, markdown
}

/// `--method`: how the confidence interval of a share is computed (R: `binom::binom.confint`
/// methods and `survey::svyciprop`).
enum IntervalMethodName: String, ChoiceValue {
    case wilson
    case wilsonCC = "wilson-cc"
    case agrestiCoull = "agresti-coull"
    case clopperPearson = "clopper-pearson"
    case jeffreys
    case logit
    case wald
}

/// `--adjust`: how p-values are adjusted when many groups are compared (R: `p.adjust`).
enum PValueAdjustment: String, ChoiceValue {
    /// Holm (1979): controls the family-wise error rate. R: `p.adjust(method = "holm")`.
    case holm
    /// Benjamini and Hochberg (1995): controls the false discovery rate. R: `"BH"`.
    case bh
}

/// `--lonely-units`: what the variance does with a stratum holding one PSU (R:
/// `options(survey.lonely.psu = ...)`; the survey file's `design.lonelyUnits`).
enum LonelyUnitsName: String, ChoiceValue {
    case fail, remove, adjust, certainty
}

/// `--encoding`: the text encoding of a CSV file.
enum TextEncodingName: String, ChoiceValue {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1258 = "windows-1258"
}

/// `--delimiter`: the field separator of a CSV file.
enum Delimiter: String, ChoiceValue {
    case comma = ","
    case semicolon = ";"
    case tab

    static var aliases: [String: Delimiter] { ["comma": .comma, "semicolon": .semicolon] }
}

/// `--invalid-cells`: what happens to a row with a cell that is not a valid answer.
enum InvalidCellPolicyName: String, ChoiceValue {
    /// The whole row goes to the quarantine.
    case quarantineRow = "quarantine-row"
    /// The row is kept and the cell counts as no answer (counted separately).
    case asMissing = "as-missing"
}
