import Foundation
import Testing
import TestSupport
@testable import SurveyData

@Suite("ByteSource")
struct ByteSourceTests {
    func drain(_ source: ByteSource, piece: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: piece, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = try source.read(into: buffer, count: piece)
            if n == 0 { return out }
            out += UnsafeRawBufferPointer(start: buffer, count: n)
        }
    }

    @Test func memoryInPieces() throws {
        let bytes = Array("id,cau1\n1,5\n".utf8)
        for piece in [1, 3, 100] {
            #expect(try drain(ByteSource(bytes: bytes, name: "m"), piece: piece) == bytes)
        }
    }

    @Test func fileByPathAndByDescriptor() throws {
        let url = TestPaths.fixture("csv/basic.csv")
        let expected = Array(try Data(contentsOf: url))
        #expect(try drain(ByteSource(path: url.path, name: "basic.csv"), piece: 5) == expected)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        #expect(try drain(ByteSource(fileDescriptor: handle.fileDescriptor, name: "basic.csv"), piece: 4096) == expected)
    }

    @Test func errorsNameTheFile() {
        #expect(throws: CSVError.cannotRead(file: "x.csv", reason: "No such file or directory")) {
            _ = try ByteSource(path: "/nonexistent/x.csv", name: "x.csv")
        }
        #expect(throws: CSVError.cannotRead(file: "dir", reason: "Is a directory")) {
            _ = try drain(ByteSource(path: TestPaths.fixture("csv").path, name: "dir"), piece: 16)
        }
    }
}
