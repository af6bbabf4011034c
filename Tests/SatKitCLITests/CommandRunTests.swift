import Foundation
import Testing
import SurveySample
import SurveySchema
import TestSupport

/// The wired commands run through the built binary: what they print, and their exit status.
@Suite struct CommandRunTests {
    let sipas = TestPaths.file("surveys/sipas.json5").path

    @Test func surveyCheckAcceptsTheBundledSurveys() throws {
        for path in ["surveys/sipas.json5", "surveys/sdg-16-6-2.json5"] {
            let run = try runSatkit(["survey", "check", TestPaths.file(path).path, "--lang", "en"])
            #expect(run.exitStatus == 0)
            #expect(run.standardError == "")
            #expect(run.standardOutput.hasPrefix("\(TestPaths.file(path).path): valid survey file\n"))
        }
    }

    @Test func surveyCheckListsEveryProblemAndExits65() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("satkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("typo.json5")
        // One unknown key; the loader also reports the required key it then misses.
        var text = try String(contentsOfFile: sipas, encoding: .utf8)
        text = text.replacingOccurrences(of: "defaultLanguage:", with: "defaultLangauge:")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try runSatkit(["survey", "check", file.path])
        #expect(run.exitStatus == 65)
        #expect(run.standardOutput == "")
        #expect(run.standardError == """
            \(file.path): defaultLangauge: unknown key "defaultLangauge"; did you mean "defaultLanguage"?
            \(file.path): (top level): missing required key "defaultLanguage"
            satkit: \(file.path) has 2 problems; nothing was computed.

            """)
    }

    @Test func surveyCheckOfAMissingFileExits1() throws {
        let run = try runSatkit(["survey", "check", "/nonexistent/s.json5"])
        #expect(run == BinaryRun(
            standardOutput: "",
            standardError: "satkit: /nonexistent/s.json5: cannot read the file: there is no such file\n",
            exitStatus: 1, signal: nil))
    }

    @Test func surveyDescribeJSONNamesEveryColumn() throws {
        let run = try runSatkit(["survey", "describe", sipas, "--format", "json", "--lang", "en"])
        #expect(run.exitStatus == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        let survey = try Survey.load(from: URL(fileURLWithPath: sipas))
        #expect(columns.compactMap { $0["name"] as? String } == survey.columnRequirements.map(\.name))
    }

    @Test func sampleWritesTheGeneratorsBytes() throws {
        let run = try runSatkit([
            "sample", "--survey", sipas, "--respondents", "300", "--wave", "2024", "--seed", "11", "--weights",
        ])
        #expect(run.exitStatus == 0)
        #expect(run.standardError == "")
        let survey = try Survey.load(from: URL(fileURLWithPath: sipas))
        let generator = try SampleGenerator(survey: survey, options: .init(
            respondents: 300, wave: 2024, seed: 11, weights: true))
        #expect(Array(run.standardOutput.utf8) == generator.csvBytes())
    }

    @Test func sampleRefusesMoreServicesThanTheSurveyLists() throws {
        let run = try runSatkit([
            "sample", "--survey", sipas, "--respondents", "10", "--wave", "2024", "--seed", "1", "--services", "200",
        ])
        #expect(run == BinaryRun(
            standardOutput: "",
            standardError: "error: the survey declares 7 values for the `service` column but 200 were asked "
                + "for; ask for at most 7, or use a survey file whose `service` column has no value dictionary.\n",
            exitStatus: 64, signal: nil))
    }
}

/// `check`, `analyze` and `compare` on the bundled data and on broken files.
@Suite struct DataCommandRunTests {
    let sipas = TestPaths.file("surveys/sipas.json5").path
    let data2023 = TestPaths.file("data/sipas-2023.csv").path
    let data2024 = TestPaths.file("data/sipas-2024.csv").path

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("satkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func checkAccountsForEveryRowOfTheBundledData() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json").path
        let run = try runSatkit(["check", "--survey", sipas, data2024, "--report", report, "--strict"])
        #expect(run.exitStatus == 0)
        #expect(run.standardOutput.contains("  rows read   3,000\n"))
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        // data/README.md: 3,000 respondents, all importable.
        #expect(json["rowsRead"] as? Int == 3_000)
        #expect(json["rowsAccepted"] as? Int == 3_000)
        #expect(json["rowsQuarantined"] as? Int == 0)
    }

    @Test func checkQuarantinesABadRowAndStrictFails() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The first 10 data rows of the bundled file, the second with an unknown label in b1_1.
        let lines = try String(contentsOfFile: data2024, encoding: .utf8)
            .components(separatedBy: "\r\n").prefix(11)
        var header = lines.first!.components(separatedBy: ",")
        let column = try #require(header.firstIndex(of: "b1_1"))
        var rows = Array(lines.dropFirst())
        var fields = rows[1].components(separatedBy: ",")
        fields[column] = "tuyệt vời"
        rows[1] = fields.joined(separator: ",")
        header = header.map { $0 }
        let data = folder.appendingPathComponent("ten.csv")
        try ([header.joined(separator: ",")] + rows).joined(separator: "\r\n").appending("\r\n")
            .write(to: data, atomically: true, encoding: .utf8)
        let quarantine = folder.appendingPathComponent("q.csv").path
        let run = try runSatkit(["check", "--survey", sipas, data.path, "--quarantine", quarantine, "--strict"])
        #expect(run.exitStatus == 65)
        #expect(run.standardError == "satkit: 1 of 10 rows were quarantined (--strict)\n")
        #expect(run.standardOutput.contains("  quarantined  1\n"))
        let quarantined = try String(contentsOfFile: quarantine, encoding: .utf8)
        // Header plus the one row, which started on line 3 of the file.
        #expect(quarantined.split(whereSeparator: \.isNewline).count == 2)
        #expect(quarantined.split(whereSeparator: \.isNewline)[1].hasPrefix("3,"))
        #expect(quarantined.contains("tuyệt vời"))
    }

    @Test func checkNamesEveryMissingColumn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: data2024, encoding: .utf8)
            .replacingOccurrences(of: ",b1_2,", with: ",b1_2 x,")
        let data = folder.appendingPathComponent("renamed.csv")
        try text.write(to: data, atomically: true, encoding: .utf8)
        let run = try runSatkit(["check", "--survey", sipas, data.path])
        #expect(run.exitStatus == 65)
        #expect(run.standardOutput == "")
        #expect(run.standardError.hasPrefix("\(data.path): the header has no column \"b1_2\""))
        #expect(run.standardError.contains("did you mean \"b1_2 x\"?"))
    }

    @Test func analyzeJSONCarriesProvenanceAndTheRowCounts() throws {
        let run = try runSatkit(["analyze", "--survey", sipas, data2024, "--format", "json"])
        #expect(run.exitStatus == 0)
        #expect(run.standardError == "\(data2024): 3,000 rows read, 3,000 accepted\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let provenance = try #require(json["provenance"] as? [String: Any])
        let dataFile = try #require(provenance["data"] as? [String: Any])
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: data2024)))
        #expect(dataFile["sha256"] as? String == SHA256.hex(bytes))
        #expect(dataFile["rowsAccepted"] as? Int == 3_000)
    }

    /// `compare --format json` hashes each wave's file while it imports it (`PendingDigest`):
    /// the digests are those of the files' bytes, oldest wave first.
    @Test func compareJSONCarriesEachWavesDigest() throws {
        let run = try runSatkit(["compare", "--survey", sipas, "--wave", "2024=\(data2024)", "--wave", "2023=\(data2023)",
                                 "--format", "json"])
        #expect(run.exitStatus == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let waves = try #require(json["waves"] as? [[String: Any]])
        let digests = waves.compactMap { (($0["provenance"] as? [String: Any])?["data"] as? [String: Any])?["sha256"] as? String }
        let expected = try [data2023, data2024].map { SHA256.hex(try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0)))) }
        #expect(digests == expected)
    }

    @Test func analyzeTableFitsIn100Columns() throws {
        let run = try runSatkit(["analyze", "--survey", sipas, data2024, "--lang", "en", "--bootstrap", "20", "--seed", "1", "--by", "service"])
        #expect(run.exitStatus == 0)
        for line in run.standardOutput.split(separator: "\n") {
            #expect(line.count <= 100, "too wide: \(line)")
        }
    }

    @Test func analyzeByAnUnknownColumnIsAUsageError() throws {
        let run = try runSatkit(["analyze", "--survey", sipas, data2024, "--by", "provnce"])
        #expect(run.exitStatus == 64)
        #expect(run.standardError.hasSuffix("error: cannot group by 'provnce': it is neither a grouping of the "
            + "survey nor a column of the data; did you mean 'province'?\n"
            + "Available: channel, commune, district, province, service, village.\n"))
    }

    /// A Windows-1258 export ("Hài lòng" with the tone mark as the combining byte 0xCC) that
    /// only reads with `--encoding windows-1258`: `compare` and `report` take the option too.
    @Test func compareAndReportReadWindows1258Files() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let survey = TestPaths.fixture("import/survey.json5").path
        let label: [UInt8] = [0x48, 0x61, 0xCC, 0x69, 0x20, 0x6C, 0x6F, 0xCC, 0x6E, 0x67]  // H a ̀ i   l o ̀ n g
        var bytes = Array("ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall\n".utf8)
        for i in 0..<60 { bytes += Array("R\(i),HT,T\(i % 3),X\(i % 12),1,".utf8) + label + Array(",\(3 + i % 3),4,5\n".utf8) }
        let data = folder.appendingPathComponent("cp1258.csv")
        try Data(bytes).write(to: data)
        let report = folder.appendingPathComponent("r.md").path

        let refused = try runSatkit(["report", "--survey", survey, data.path, "-o", report])
        #expect(refused.exitStatus != 0)
        #expect(refused.standardError.contains("--encoding windows-1258"))

        let written = try runSatkit(["report", "--survey", survey, data.path, "-o", report, "--lang", "en",
                                     "--encoding", "windows-1258"])
        #expect(written.exitStatus == 0)
        #expect(written.standardError.contains("60 rows read, 60 accepted"))
        let compared = try runSatkit(["compare", "--survey", survey, "--wave", "2023=\(data.path)",
                                      "--wave", "2024=\(data.path)", "--format", "csv", "--encoding", "windows-1258"])
        #expect(compared.exitStatus == 0)
        #expect(compared.standardError.components(separatedBy: "60 rows read, 60 accepted").count == 3)
    }

    /// A stratum with one PSU stops `analyze` with a message that says where to choose a rule;
    /// `--lonely-units` or the survey's `design.lonelyUnits` chooses it (the option wins), and
    /// `report` and `compare` take the option too.
    @Test func lonelyPSUsAreRefusedUntilARuleIsChosen() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let survey = TestPaths.fixture("import/survey.json5")
        // Strata T0 and T1 have six clusters each; every row of T2 is in cluster "X2".
        var text = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall\n"
        for i in 0..<60 { text += "R\(i),HT,T\(i % 3),X\(i % 3 == 2 ? 2 : i % 12),1,\(3 + i % 3),4,5,4\n" }
        let data = folder.appendingPathComponent("lonely.csv")
        try Data(text.utf8).write(to: data)
        func policy(_ run: BinaryRun) throws -> String? {
            let json = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
            return (json?["design"] as? [String: Any])?["lonelyUnitPolicy"] as? String
        }
        let analyze = ["analyze", "--survey", survey.path, data.path, "--format", "json"]

        let refused = try runSatkit(analyze)
        #expect(refused.exitStatus == 65)
        #expect(refused.standardError.contains("stratum T2 has only one PSU"))
        #expect(refused.standardError.contains(#"design: { ..., lonelyUnits: "adjust" }"#))
        #expect(refused.standardError.contains("--lonely-units adjust"))

        let adjusted = try runSatkit(analyze + ["--lonely-units", "adjust"])
        #expect(adjusted.exitStatus == 0)
        #expect(try policy(adjusted) == "adjust")

        let declared = folder.appendingPathComponent("survey.json5")
        let surveyText = try String(contentsOf: survey, encoding: .utf8)
        let withRule = surveyText.replacingOccurrences(
            of: #"design: { weight: "w", strata: "tinh", cluster: "xa" }"#,
            with: #"design: { weight: "w", strata: "tinh", cluster: "xa", lonelyUnits: "remove" }"#)
        #expect(withRule != surveyText)
        try Data(withRule.utf8).write(to: declared)
        let fromSurvey = try runSatkit(["analyze", "--survey", declared.path, data.path, "--format", "json"])
        #expect(fromSurvey.exitStatus == 0)
        #expect(try policy(fromSurvey) == "remove")
        let overridden = try runSatkit(["analyze", "--survey", declared.path, data.path, "--format", "json",
                                        "--lonely-units", "certainty"])
        #expect(try policy(overridden) == "certainty")

        let report = folder.appendingPathComponent("r.md").path
        #expect(try runSatkit(["report", "--survey", survey.path, data.path, "-o", report]).exitStatus == 65)
        #expect(try runSatkit(["report", "--survey", survey.path, data.path, "-o", report, "--lang", "en",
                               "--lonely-units", "adjust"]).exitStatus == 0)
        #expect(try String(contentsOfFile: report, encoding: .utf8)
            .contains("The single cluster of a stratum is centred at the overall mean"))
        let compare = ["compare", "--survey", survey.path, "--wave", "2023=\(data.path)", "--wave", "2024=\(data.path)",
                       "--format", "csv"]
        #expect(try runSatkit(compare).exitStatus == 65)
        #expect(try runSatkit(compare + ["--lonely-units", "adjust"]).exitStatus == 0)
        let typo = try runSatkit(analyze + ["--lonely-units", "ajust"])
        #expect(typo.exitStatus == 64)
        #expect(typo.standardError.contains("adjust"))
    }

    /// `analyze --bootstrap` names the bootstrap in the table's heading in the language asked
    /// for (it printed "20 replicates, seed 3, clusters" in a Vietnamese heading), while the
    /// JSON keeps the technical string that docs/output-format.md defines.
    @Test func bootstrapHeadingIsInTheLanguageAskedFor() throws {
        let base = ["analyze", "--survey", sipas, data2024, "--bootstrap", "20", "--seed", "3"]
        // The heading is wrapped to the terminal's width, at spaces.
        func unwrapped(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }
        let vi = try runSatkit(base + ["--lang", "vi"])
        #expect(vi.exitStatus == 0)
        #expect(unwrapped(vi.standardOutput).contains(
            "khoảng tin cậy 95%: phân vị bootstrap, 20 lần lặp bootstrap, seed 3, lấy mẫu lại theo cụm (tiêu chí,"))
        #expect(!vi.standardOutput.contains("replicates"))
        let en = try runSatkit(base + ["--lang", "en"])
        #expect(unwrapped(en.standardOutput).contains(
            "interval 95%: bootstrap percentile, 20 bootstrap replicates, seed 3, resampling clusters (criteria,"))
        let json = try runSatkit(base + ["--format", "json"])
        #expect(json.standardOutput.contains("\"treeIntervals\": \"bootstrap-percentile, 20 replicates, seed 3, clusters\""))
    }

    /// `report --bootstrap`: the methods section says the intervals are bootstrap percentiles,
    /// and the rank intervals come from the same replicates.
    @Test func reportMethodsFollowTheBootstrap() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let closedForm = folder.appendingPathComponent("closed.md").path
        let bootstrap = folder.appendingPathComponent("bootstrap.md").path
        let base = ["report", "--survey", sipas, data2024, "--by", "service", "--lang", "en"]
        #expect(try runSatkit(base + ["-o", closedForm]).exitStatus == 0)
        #expect(try runSatkit(base + ["-o", bootstrap, "--bootstrap", "20", "--seed", "3"]).exitStatus == 0)
        let closedText = try String(contentsOfFile: closedForm, encoding: .utf8)
        let bootstrapText = try String(contentsOfFile: bootstrap, encoding: .utf8)
        #expect(closedText.contains("Intervals are 95% confidence intervals: Wilson for single criteria"))
        #expect(!closedText.contains("bootstrap"))
        #expect(bootstrapText.contains("Intervals are 95% bootstrap percentile intervals for every criterion, "
            + "aspect and the overall index (shares and means alike), from replicates of the whole design "
            + "(20 bootstrap replicates, seed 3, resampling clusters)."))
        #expect(bootstrapText.contains("Rank intervals at 95% come from 20 bootstrap replicates"))
        #expect(!bootstrapText.contains("Wilson for single criteria"))
    }

    @Test func compareFindsTheDeclineTheGeneratorBuiltIn() throws {
        let run = try runSatkit(["compare", "--survey", sipas, "--wave", "2023=\(data2023)", "--wave",
                                 "2024=\(data2024)", "--format", "csv", "--lang", "en"])
        #expect(run.exitStatus == 0)
        // data/README.md: the access aspect was made to decline from 2023 to 2024.
        let accessRows = run.standardOutput.split(separator: "\n").filter { $0.contains(",access,") }
        #expect(!accessRows.isEmpty)
        #expect(accessRows.contains { $0.contains("declined") })
    }
}
