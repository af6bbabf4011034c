import SatisfactionIndex
import SurveySchema

/// The summary a department director reads (`satkit report`): how satisfied people are,
/// where it is weak, whether it changed since the baseline, and how sure we are — as one
/// self-contained HTML page (inline CSS and SVG, no scripts, no network; prints to A4) or as
/// Markdown with the same content.
///
/// ```swift
/// let results = try IndexEngine(survey: survey, dataset: dataset, options: options).run()
/// let report = LeadershipReport(survey: survey, results: results, comparison: nil,
///                               provenance: provenance, language: "vi")
/// try report.html().write(to: url, atomically: true, encoding: .utf8)
/// ```
///
/// What is shown, the rules for each generated sentence and how suppression works are in
/// `docs/report.md`. In short: every number is an entry of `results` (or `comparison`); a
/// suppressed entry or group is shown as "—, not published" and never with a number, in
/// tables, charts, titles or alt text; every survey label and data value is escaped; free-text
/// comments appear only with ``LeadershipReport/Options/includeComments``, masked by ``CommentMasking``.
public struct LeadershipReport: Sendable {
    public var survey: Survey
    public var results: IndexResults
    /// The baseline-to-current comparison; its last step is reported. `nil`: no change shown.
    public var comparison: ComparisonResults?
    /// Tool version, file fingerprints and import totals for the methods section.
    public var provenance: Provenance?
    /// `vi` or `en` (any other language gets English words and the survey's labels in it).
    public var language: String
    public var options: Options

    public init(survey: Survey, results: IndexResults, comparison: ComparisonResults? = nil,
                provenance: Provenance? = nil, language: String, options: Options = Options()) {
        self.survey = survey
        self.results = results
        self.comparison = comparison
        self.provenance = provenance
        self.language = language
        self.options = options
    }

    var content: ReportContent {
        ReportContent(survey: survey, results: results, comparison: comparison, options: options, language: language)
    }

    /// The report as one self-contained HTML document (UTF-8, no external references).
    public func html() -> String {
        ReportHTML(content: content, provenance: provenance, options: options, comparison: comparison).render()
    }

    /// The report as CommonMark with pipe tables; charts become tables.
    public func markdown() -> String {
        ReportMarkdown(content: content, provenance: provenance, options: options, comparison: comparison).render()
    }
}

extension LeadershipReport {
    /// Choices for ``LeadershipReport``: the league grouping, the charted node, comments.
    /// (Nested so that it does not collide with the command line's own `ReportOptions`.)
    public struct Options: Sendable, Hashable {
        /// The grouping of the league table (group ids, e.g. `["service"]`); `nil` takes the first
        /// grouping of the results that is not the whole sample.
        public var by: [String]?
        /// The node whose aspects form the first-screen chart; `nil` for the root. Under the focus
        /// node, an aspect (an aggregate whose children are criteria) is one bar; a part (an
        /// aggregate of aggregates) is a bold bar followed by its own aggregates. When the focus
        /// node has no aggregates below it (a flat survey such as SDG 16.6.2), its criteria are the bars.
        public var focus: String?
        /// Show free-text comments (masked). Off by default: respondents are people.
        public var includeComments: Bool
        /// The free-text comments to show when ``includeComments`` is set (e.g. the dataset's
        /// `texts["comment"]`); ignored otherwise.
        public var comments: [String]
        /// At most this many comments are shown.
        public var maxComments: Int

        public init(by: [String]? = nil, focus: String? = nil, includeComments: Bool = false,
                    comments: [String] = [], maxComments: Int = 50) {
            self.by = by
            self.focus = focus
            self.includeComments = includeComments
            self.comments = comments
            self.maxComments = maxComments
        }

        /// The comments that may be printed: none unless ``includeComments``; otherwise the
        /// non-empty ones, masked, at most ``maxComments``.
        func shownComments(language: String) -> [String] {
            guard includeComments else { return [] }
            return comments.lazy.map { TerminalText.clean($0).trimmedOfWhitespace }.filter { !$0.isEmpty }
                .prefix(maxComments).map { CommentMasking.mask($0, language: language) }
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace and line breaks.
    fileprivate var trimmedOfWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
