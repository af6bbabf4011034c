import SurveyData
import SurveySchema

/// What the engine will estimate, laid out once per run: the answer columns with their lookup
/// tables, the statistics, and for every output entry which statistics and columns feed it.
struct IndexPlan {
    struct Entry {
        var id: String
        var option: String?
        var role: EntryRole
        var measure: Measure
        var combine: Combination?
        /// The statistic whose value is the entry's index.
        var statistic: Int
        /// The mean-score statistic, for criteria and scored questions.
        var meanStatistic: Int?
        /// The columns whose answers the entry counts.
        var columns: [Int]
        var isQuestion: Bool
    }

    var columns: [AnswerColumn] = []
    var selections: [[UInt64]] = []
    var statistics: [StatisticPlan] = []
    var entries: [Entry] = []
    /// Column index of each criterion id, and of each scored question id.
    var columnOfCriterion: [String: Int] = [:]
    var columnOfQuestion: [String: Int] = [:]
    /// The index statistic of each node id.
    var statisticOfNode: [String: Int] = [:]

    init(survey: Survey, dataset: SurveyDataset) throws(IndexError) {
        let measure = Measure(survey.index.measure)
        _ = try add(.aggregate(survey.root), survey: survey, dataset: dataset, measure: measure)
        for question in survey.questions {
            try addQuestion(question, survey: survey, dataset: dataset, measure: measure)
        }
    }

    private mutating func addStatistic(_ kind: StatisticKind, isShare: Bool, single: Bool, range: Double, method: String) -> Int {
        statistics.append(StatisticPlan(kind: kind, isShare: isShare, isSingleShare: single, range: range, method: method))
        return statistics.count - 1
    }

    private static func measureName(_ measure: Measure) -> String {
        switch measure {
        case .share, .choice: "share satisfied"
        case .mean: "mean score"
        case .score100: "0-100 score"
        }
    }

    /// Adds `node` and everything below it; returns the node's index statistic.
    private mutating func add(_ node: Indicator, survey: Survey, dataset: SurveyDataset, measure: Measure) throws(IndexError) -> Int {
        switch node {
        case .criterion(let criterion):
            guard let codes = dataset.answers[criterion.id] else { throw .missingCriterion(id: criterion.id) }
            guard codes.count == dataset.rowCount else {
                throw .columnLength(column: criterion.id, expected: dataset.rowCount, actual: codes.count)
            }
            guard let scale = survey.scale(of: criterion) else { throw .missingCriterion(id: criterion.id) }
            let column = AnswerColumn(id: criterion.id, codes: codes, scale: scale, reverse: criterion.reverse, measure: measure)
            columns.append(column)
            let c = columns.count - 1
            columnOfCriterion[criterion.id] = c
            let variable = Variable.index(measure)
            let index = addStatistic(
                .item(column: c, variable: variable), isShare: measure == .share, single: measure == .share,
                range: column.range(of: variable), method: "\(Self.measureName(measure)) (weighted mean of valid answers)")
            let mean = addStatistic(
                .item(column: c, variable: .value), isShare: false, single: false, range: column.range(of: .value),
                method: "mean score (weighted mean of valid answers)")
            entries.append(Entry(id: criterion.id, role: .criterion, measure: measure, statistic: index,
                                 meanStatistic: mean, columns: [c], isQuestion: false))
            statisticOfNode[criterion.id] = index
            return index
        case .aggregate(let aggregate):
            let position = entries.count
            entries.append(Entry(id: aggregate.id, role: aggregate.id == Survey.rootID ? .overall : .aggregate,
                                 measure: measure, statistic: -1, columns: [], isQuestion: false))
            var parts: [Int] = []
            for child in aggregate.children {
                parts.append(try add(child, survey: survey, dataset: dataset, measure: measure))
            }
            let below = aggregate.criteria.compactMap { columnOfCriterion[$0.id] }
            let rule = Combination(aggregate.combine ?? survey.index.combine)
            let variable = Variable.index(measure)
            let range = below.first.map { columns[$0].range(of: variable) } ?? 1
            let name = Self.measureName(measure)
            let s: Int
            switch rule {
            case .meanOfChildren:
                s = addStatistic(
                    .linear(parts: parts, coefficients: [Double](repeating: 1 / Double(parts.count), count: parts.count)),
                    isShare: measure == .share, single: false, range: range,
                    method: "\(name): mean of \(parts.count) children (linearized, svycontrast)")
            case .pooled:
                s = addStatistic(
                    .pooled(columns: below, variable: variable), isShare: measure == .share, single: false, range: range,
                    method: "\(name): pooled over \(below.count) criteria, ratio estimator per respondent (svyratio)")
            case .meanOfRespondents:
                s = addStatistic(
                    .respondentMean(columns: below, variable: variable), isShare: measure == .share, single: false,
                    range: range, method: "\(name): mean of respondents' own scores over \(below.count) criteria (svymean)")
            }
            entries[position].statistic = s
            entries[position].combine = rule
            entries[position].columns = below
            statisticOfNode[aggregate.id] = s
            return s
        }
    }

    private mutating func addQuestion(_ question: Question, survey: Survey, dataset: SurveyDataset, measure: Measure) throws(IndexError) {
        switch question.kind {
        case .overall, .evaluation, .expectation, .screener:
            guard let codes = dataset.answers[question.id], let scale = survey.scale(of: question) else { return }
            guard codes.count == dataset.rowCount else {
                throw .columnLength(column: question.id, expected: dataset.rowCount, actual: codes.count)
            }
            let m: Measure = question.kind == .overall ? measure : .share
            let column = AnswerColumn(id: question.id, codes: codes, scale: scale, reverse: false, measure: m)
            columns.append(column)
            let c = columns.count - 1
            columnOfQuestion[question.id] = c
            let role: EntryRole = switch question.kind {
            case .overall: .overallQuestion
            case .evaluation: .evaluation
            case .expectation: .expectation
            default: .screener
            }
            let label = switch question.kind {
            case .overall: Self.measureName(m)
            case .evaluation: "share favourable"
            case .expectation: "share in the top levels"
            default: "share yes"
            }
            let variable = Variable.index(m)
            let index = addStatistic(
                .item(column: c, variable: variable), isShare: m == .share, single: m == .share,
                range: column.range(of: variable), method: "\(label) (weighted mean of valid answers)")
            let mean = addStatistic(
                .item(column: c, variable: .value), isShare: false, single: false, range: column.range(of: .value),
                method: "mean score (weighted mean of valid answers)")
            entries.append(Entry(id: question.id, role: role, measure: m, statistic: index, meanStatistic: mean,
                                 columns: [c], isQuestion: true))
            statisticOfNode[question.id] = index
        case .multiSelect:
            guard let chosen = dataset.selections[question.id] else { return }
            guard chosen.count == dataset.rowCount else {
                throw .columnLength(column: question.id, expected: dataset.rowCount, actual: chosen.count)
            }
            selections.append(chosen)
            let q = selections.count - 1
            for (bit, option) in question.options.enumerated() where bit < 64 {
                let s = addStatistic(
                    .option(selection: q, bit: bit), isShare: true, single: true, range: 1,
                    method: "share of respondents choosing the option (among those choosing any)")
                entries.append(Entry(id: question.id, option: option.code, role: .option, measure: .choice,
                                     statistic: s, columns: [], isQuestion: true))
            }
        case .text, .demographic:
            return
        }
    }
}
