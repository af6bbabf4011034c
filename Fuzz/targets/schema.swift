// Fuzz target: the survey-file loader (SurveySchema).
//
// Feeds arbitrary bytes to `Survey(json5:fileName:)`. Any outcome but a crash, a hang or a
// sanitizer report is fine: a survey, or a `SurveyLoadError` whose text can be rendered.
// Built and run by scripts/fuzz.sh (see docs/robustness.md).
import Foundation
import SurveySchema

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = if let start { Data(bytes: start, count: count) } else { Data() }
    do {
        let survey = try Survey(json5: data, fileName: "fuzz.json5")
        // A survey that loads must also encode: the canonical form is part of the contract.
        _ = try? survey.canonicalJSON()
    } catch {
        // Every issue must render: messages are what the user sees.
        _ = error.description
    }
    return 0
}
