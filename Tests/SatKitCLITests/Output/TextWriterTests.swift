import Testing
@testable import SatKitCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct TextWriterTests {
    @Test func oneWritePerOutputNotPerLine() throws {
        let sink = MemorySink()
        let writer = TextWriter(sink: sink)
        for line in ["a,b\n", "1,2\n", "3,4\n"] { try writer.write(line) }
        #expect(sink.writeCount == 0)
        try writer.flush()
        #expect(sink.writeCount == 1)
        #expect(sink.text == "a,b\n1,2\n3,4\n")
        try writer.flush()
        #expect(sink.writeCount == 1, "an empty buffer is not written")
    }

    @Test func aLongStreamIsWrittenInBoundedPieces() throws {
        let sink = MemorySink()
        let writer = TextWriter(sink: sink, capacity: 10)
        try writer.write("12345")
        try writer.write("67890")
        #expect(sink.writeCount == 0, "10 bytes do not exceed a capacity of 10")
        try writer.write("x")
        #expect(sink.writeCount == 1)
        #expect(sink.text == "1234567890x")
    }

    @Test func capacityZeroWritesThrough() throws {
        let sink = MemorySink()
        let writer = TextWriter(sink: sink, capacity: 0)
        try writer.write("one\n")
        try writer.write("two\n")
        #expect(sink.writeCount == 2)
    }

    @Test func aClosedPipeIsReportedAsSuch() throws {
        signal(SIGPIPE, SIG_IGN)  // as the satkit executable does
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let writer = TextWriter(sink: FileDescriptorSink(descriptor: ends[1], name: "standard output"))
        try writer.write("hello\n")
        #expect(throws: OutputError.closedPipe) { try writer.flush() }
    }

    @Test func aBadDescriptorIsAWriteFailure() throws {
        let sink = FileDescriptorSink(descriptor: -1, name: "standard output")
        #expect(throws: OutputError.writeFailed(target: "standard output", reason: systemErrorDescription(EBADF))) {
            try sink.write(Array("x".utf8))
        }
    }
}
