/// The `satkit` command tree: every command, in the order the help lists them (the order
/// of the work: describe the survey, get data, check it, analyze, compare, report).
let rootCommand = Command(
    group: "satkit",
    abstract: "satkit: citizen-satisfaction surveys, from survey answers to satisfaction "
        + "indices with confidence intervals, comparisons between years, and reports.",
    examples: [
        .init(summary: "Check the bundled SIPAS survey file:",
              commandLine: "satkit survey check surveys/sipas.json5"),
        .init(summary: "Satisfaction indices per service in the bundled 2024 data:",
              commandLine: "satkit analyze --survey surveys/sipas.json5 data/sipas-2024.csv --by service"),
    ],
    subcommands: [
        surveyCommand,
        SampleOptions.command,
        CheckOptions.command,
        AnalyzeOptions.command,
        CompareOptions.command,
        ReportOptions.command,
    ])

/// `satkit survey`: commands on a survey file alone.
let surveyCommand = Command(
    group: "survey",
    abstract: "Check or describe a survey file.",
    discussion: "A survey file (JSON5) declares one survey: its scales, the indicator tree of "
        + "parts, aspects and criteria with their CSV columns, the other questions, the "
        + "grouping columns, and the rules of its indices. The bundled ones are in surveys/.",
    examples: [
        .init(summary: "Check the bundled SIPAS survey file:",
              commandLine: "satkit survey check surveys/sipas.json5"),
        .init(summary: "Its codebook in English:",
              commandLine: "satkit survey describe surveys/sipas.json5 --lang en"),
    ],
    subcommands: [
        SurveyCheckOptions.command,
        SurveyDescribeOptions.command,
    ])
