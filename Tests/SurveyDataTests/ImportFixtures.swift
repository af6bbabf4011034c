import Foundation
import SurveySchema
import TestSupport
@testable import SurveyData

/// Shared by the import tests: the small survey of `Tests/Fixtures/import/`, and cells as bytes.
enum ImportFixtures {
    static let survey: Survey = {
        do {
            return try Survey.load(from: TestPaths.fixture("import/survey.json5"))
        } catch {
            fatalError("Tests/Fixtures/import/survey.json5 does not load: \(error)")
        }
    }()

    static var sat5: Scale { survey.scale(id: "sat5")! }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestPaths.fixture("import/" + name)))
    }

    /// Imports a fixture with a memory quarantine.
    static func importFixture(_ name: String, options: ImportOptions = ImportOptions()) throws -> (ImportResult, QuarantineMemory) {
        let memory = QuarantineMemory()
        var options = options
        options.quarantine = memory
        let result = try SurveyImporter(survey: survey, options: options).importBytes(try bytes(name), name: name)
        return (result, memory)
    }

    /// Imports CSV text with a memory quarantine.
    static func importText(_ text: String, options: ImportOptions = ImportOptions()) throws -> (ImportResult, QuarantineMemory) {
        let memory = QuarantineMemory()
        var options = options
        options.quarantine = memory
        let result = try SurveyImporter(survey: survey, options: options).importBytes(Array(text.utf8), name: "data.csv")
        return (result, memory)
    }
}

/// Runs `body` on the UTF-8 bytes of `text`.
func withCell<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    var text = text
    return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
}

extension ScaleCoder {
    func code(_ text: String) -> AnswerCode { withCell(text) { code($0) } }
}
