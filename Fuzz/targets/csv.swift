// Fuzz target: the CSV byte reader (SurveyData/CSV and SurveyData/Encoding).
//
// The first byte of the input chooses how to read the rest:
//   bits 0-1  encoding when there is no byte-order mark: detect (UTF-8), UTF-16 LE,
//             UTF-16 BE, Windows-1258;
//   bits 2-3  delimiter: detect, comma, semicolon, tab;
//   bits 4-7  the chunk size: 16 + 16 × n bytes, so that records and multi-byte characters
//             cross chunk ends all the time.
// The field and record limits are small (512 and 2,048 bytes) so that the limit paths run.
//
// Oracles: the same bytes read with a chunk larger than the input must give the same records,
// lines and problems (the chunked reader is the whole-buffer reader, cut in pieces), or the same
// error; and the two-worker batch reader the importer uses (`forEachBatch`, cutting batches of
// 16 bytes and more at guessed line ends) must give what the serial reader gives. A difference
// traps, and libFuzzer keeps the input. Built and run by scripts/fuzz.sh.
@testable import SurveyData

struct Outcome: Equatable {
    var records: [[String]] = []
    var lines: [Int] = []
    var problems: [CSVRecordProblem?] = []
    var error: CSVError?
    var summaryRecords = -1
    var summaryLines = -1
}

func read(_ bytes: [UInt8], options: CSVReadOptions) -> Outcome {
    var outcome = Outcome()
    let reader = CSVReader(bytes: bytes, name: "fuzz.csv", options: options)
    do {
        let summary = try reader.forEachRecord { record in
            outcome.records.append(record.strings)
            outcome.lines.append(record.line)
            outcome.problems.append(record.problem)
            _ = record.countIgnoringTrailingEmptyFields
        }
        outcome.summaryRecords = summary.records
        outcome.summaryLines = summary.lines
    } catch let error as CSVError {
        outcome.error = error
        _ = error.description
    } catch {
        fatalError("forEachRecord threw something other than a CSVError: \(error)")
    }
    return outcome
}

/// One record as the batch reader's workers see it.
struct Seen: Equatable, Sendable {
    var fields: [String]
    var line: Int
    var problem: CSVRecordProblem?
}

/// The same read through `forEachBatch` with two workers and small batches.
func readInBatches(_ bytes: [UInt8], options: CSVReadOptions) -> Outcome {
    var outcome = Outcome()
    let reader = CSVReader(bytes: bytes, name: "fuzz.csv", options: options)
    do {
        let summary = try reader.forEachBatch(
            parallelism: 2, minimumBatch: 8,
            header: { record in
                outcome.records.append(record.strings)
                outcome.lines.append(record.line)
                outcome.problems.append(record.problem)
            },
            process: { batch in
                var seen: [Seen] = []
                try batch.forEachRecord { seen.append(Seen(fields: $0.strings, line: $0.line, problem: $0.problem)) }
                return seen
            },
            consume: { (seen: [Seen]) in
                for record in seen {
                    outcome.records.append(record.fields)
                    outcome.lines.append(record.line)
                    outcome.problems.append(record.problem)
                }
            })
        outcome.summaryRecords = summary.records
        outcome.summaryLines = summary.lines
    } catch let error as CSVError {
        outcome.error = error
    } catch {
        fatalError("forEachBatch threw something other than a CSVError: \(error)")
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let control = input[0]
    let bytes = Array(input.dropFirst())
    let encodings: [TextEncoding?] = [nil, .utf16LittleEndian, .utf16BigEndian, .windows1258]
    let delimiters: [CSVDelimiter?] = [nil, .comma, .semicolon, .tab]
    let encoding = encodings[Int(control & 3)]
    let delimiter = delimiters[Int(control >> 2 & 3)]
    let chunk = 16 + 16 * Int(control >> 4)

    let small = CSVReadOptions(delimiter: delimiter, encoding: encoding, chunkSize: chunk,
                               maxFieldBytes: 512, maxRecordBytes: 2048)
    var whole = small
    whole.chunkSize = max(16, bytes.count * 4 + 16)
    let a = read(bytes, options: small)
    let b = read(bytes, options: whole)
    // A limit error may be found at a different place when the chunks differ; everything
    // else must agree exactly.
    if a.error == nil && b.error == nil {
        precondition(a == b, "chunk size \(chunk) reads differently from one chunk: \(a) vs \(b)")
    } else if !isLimit(a.error) && !isLimit(b.error) {
        precondition(a.error == b.error, "chunk size \(chunk) fails differently: \(String(describing: a.error)) vs \(String(describing: b.error))")
    }
    let c = readInBatches(bytes, options: small)
    if a.error == nil && c.error == nil {
        precondition(a == c, "the batch reader reads differently from the serial reader: \(a) vs \(c)")
    } else if !isLimit(a.error) && !isLimit(c.error) {
        precondition(a.error == c.error, "the batch reader fails differently: \(String(describing: a.error)) vs \(String(describing: c.error))")
    }
    return 0
}

func isLimit(_ error: CSVError?) -> Bool {
    switch error {
    case .fieldTooLarge?, .recordTooLarge?: true
    default: false
    }
}
