import Foundation
import SurveySchema

/// The codebook of a survey: every question with its CSV column, scale and labels, and the
/// index tree, in one language — what `satkit survey describe` prints.
///
/// Three renderings: ``text(width:)`` for a terminal, ``markdown()`` for documents (survey
/// text escaped), and ``json()`` for programs (one entry per column, plus the tree).
public struct Codebook: Sendable {
    /// The survey described.
    public let survey: Survey
    /// The language labels are shown in; a label missing in it falls back to the survey's
    /// default language.
    public let language: String
    let words: UIText

    /// The codebook of `survey` in `language` (default: the survey's default language).
    public init(survey: Survey, language: String? = nil) {
        self.survey = survey
        self.language = language ?? survey.defaultLanguage
        self.words = UIText.forLanguage(self.language)
    }

    func text(_ localized: LocalizedText) -> String { survey.text(localized, in: language) }

    /// A scale's points as `1 Label · 2 Label …`.
    func pointsSummary(_ scale: Scale) -> String {
        scale.points.map { "\($0.value) \(text($0.label))" }.joined(separator: " · ")
    }

    /// A scale's bands as `satisfied 4, 5 · neutral 3 · dissatisfied 1, 2`.
    func bandsSummary(_ scale: Scale) -> String {
        func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ", ") }
        var parts = ["\(words.satisfiedBand) \(list(scale.satisfied))"]
        if let neutral = scale.neutral { parts.append("\(words.neutralBand) \(list(neutral))") }
        if let dissatisfied = scale.dissatisfied {
            parts.append("\(words.dissatisfiedBand) \(list(dissatisfied))")
        }
        return parts.joined(separator: " · ")
    }

    /// A scale's missing codes as `no answer: empty cell · don't know: 98, "Không biết"`.
    func missingSummary(_ scale: Scale) -> String {
        let kinds: [(String, [String])] = [
            (words.noAnswer, scale.missing.noAnswer), (words.dontKnow, scale.missing.dontKnow),
            (words.notApplicable, scale.missing.notApplicable),
        ]
        return kinds.filter { !$0.1.isEmpty }.map { name, codes in
            let shown = codes.map { $0.isEmpty ? words.emptyCell : "\"\($0)\"" }
            return "\(name): \(shown.joined(separator: ", "))"
        }.joined(separator: " · ")
    }

    /// The survey-wide index rules in one line.
    func rulesSummary() -> String {
        let rules = survey.index
        var parts = [
            words.measure(rules.measure.rawValue),
            "\(words.aggregates): \(words.combine(rules.combine.rawValue))",
            "\(words.interval) \(rules.interval), \(words.level) \(percent(rules.level))",
            "\(words.minValidN) \(rules.minValidN)",
            "\(words.disclosureThreshold) \(rules.disclosureThreshold)",
        ]
        if let width = rules.maxIntervalWidth {
            parts.append("\(words.maxIntervalWidth) \(percent(width))")
        }
        return parts.joined(separator: "; ")
    }

    func percent(_ fraction: Double) -> String {
        let value = (fraction * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    /// What a column holds, for the column listing.
    func roleDescription(_ role: ColumnRequirement.Role) -> String {
        switch role {
        case .respondent: words.respondent
        case .wave: words.wave
        case .group(let id):
            survey.columns.groups.first { $0.id == id }.map { "\(words.groups): \(text($0.label))" } ?? id
        case .weight: words.weight
        case .strata: words.strata
        case .cluster: words.cluster
        case .fpc: words.fpc
        case .criterion(let id): survey.label(of: id, in: language) ?? id
        case .question(let id): survey.label(of: id, in: language) ?? id
        case .option(let question, let code):
            (survey.label(of: question, in: language) ?? question) + " — "
                + (survey.question(id: question)?.options.first { $0.code == code }
                    .map { text($0.label) } ?? code)
        }
    }

    /// The nodes of the tree depth first, with their depth (the root at 0).
    func walkTree() -> [(depth: Int, node: Indicator)] {
        var result: [(Int, Indicator)] = []
        func visit(_ node: Indicator, _ depth: Int) {
            result.append((depth, node))
            for child in node.children { visit(child, depth + 1) }
        }
        visit(.aggregate(survey.root), 0)
        return result
    }
}
