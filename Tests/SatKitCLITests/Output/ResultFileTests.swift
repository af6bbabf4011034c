import Foundation
import Testing
@testable import SatKitCLI

/// A fresh folder for one test, removed afterwards by the caller.
private func makeFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("satkit-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

private struct Interrupted: Error {}

private func context() -> (OutputContext, MemorySink) {
    let output = MemorySink()
    return (OutputContext(standardOutput: output, standardError: MemorySink(), isStandardErrorTerminal: false), output)
}

@Suite struct ResultFileTests {
    @Test func writesTheFileAndLeavesNothingElse() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("indices.csv").path
        let (context, standardOutput) = context()
        try context.writeResult("a,b\n1,2\n", to: path, protecting: [])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n1,2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["indices.csv"])
        #expect(standardOutput.bytes.isEmpty)
    }

    @Test func noPathOrADashMeansStandardOutput() throws {
        let (context, standardOutput) = context()
        try context.writeResult("one\n", to: nil, protecting: [])
        try context.writeResult("two\n", to: "-", protecting: [])
        #expect(standardOutput.text == "one\ntwo\n")
        #expect(standardOutput.writeCount == 2)
    }

    @Test func aFailedRunLeavesTheEarlierFileInPlace() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("indices.csv").path
        try "earlier\n".write(toFile: path, atomically: false, encoding: .utf8)
        let (context, _) = context()
        #expect(throws: Interrupted.self) {
            try context.writeResult(to: path, protecting: []) { writer in
                try writer.write("half a res")
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["indices.csv"])
    }

    @Test func neverOverwritesAnInput() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("sipas-2024.csv").path
        try "id\n1\n".write(toFile: data, atomically: false, encoding: .utf8)
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: data)
        let (context, _) = context()
        // The same path, the same file through a symbolic link, and through a relative detour.
        for output in [data, link, folder.path + "/../" + folder.lastPathComponent + "/sipas-2024.csv"] {
            #expect(throws: UsageError.outputOverwritesInput(option: "-o", path: output)) {
                try context.writeResult("x\n", to: output, protecting: ["s.json5", data])
            }
        }
        #expect(try String(contentsOfFile: data, encoding: .utf8) == "id\n1\n")
        #expect(throws: UsageError.outputOverwritesInput(option: "--report", path: data)) {
            try context.writeResult("x\n", to: data, option: "--report", protecting: [link])
        }
    }

    @Test func aFolderOrAMissingFolderCannotBeWritten() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (context, _) = context()
        #expect(throws: OutputError.cannotCreate(path: folder.path, reason: "it is a folder")) {
            try context.writeResult("x\n", to: folder.path, protecting: [])
        }
        let missing = folder.appendingPathComponent("no/such/folder/x.csv").path
        #expect(throws: OutputError.cannotCreate(path: missing, reason: "No such file or directory")) {
            try context.writeResult("x\n", to: missing, protecting: [])
        }
    }
}
