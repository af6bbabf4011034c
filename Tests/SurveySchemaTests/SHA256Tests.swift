import Testing
@testable import SurveySchema

/// Expected digests: FIPS 180-4 example vectors ("abc", the 448-bit message, one million
/// "a") and, for the others, Python 3.11 `hashlib.sha256(...).hexdigest()`.
@Suite struct SHA256Tests {
    @Test func fipsVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func vietnameseText() {
        // hashlib.sha256("Hài lòng".encode()).hexdigest()
        #expect(SHA256.hex(Array("Hài lòng".utf8))
            == "f19388c6f80893a83026998b9c36439e208061751146b4b86bf671fef99c3934")
    }

    @Test(arguments: [1, 7, 63, 64, 65, 200, 1280])
    func chunkedUpdatesGiveTheSameDigest(chunk: Int) {
        // hashlib.sha256(bytes(range(256)) * 5).hexdigest()
        let message = Array((0..<1280).map { UInt8($0 % 256) })
        var hasher = SHA256()
        var start = 0
        while start < message.count {
            let end = min(start + chunk, message.count)
            hasher.update(Array(message[start..<end]))
            start = end
        }
        #expect(SHA256.hexString(hasher.finalize())
            == "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed")
    }

    /// The SHA-NI path and the Swift path give the same digests on the FIPS vectors and on
    /// long, oddly chunked input (many blocks per call, blocks split across calls).
    @Test func hardwareAndSoftwareAgree() {
        func digest(_ message: [UInt8], hardware: Bool, chunk: Int) -> String {
            var hasher = SHA256(hardware: hardware)
            var start = 0
            while start < message.count {
                let end = min(start + chunk, message.count)
                hasher.update(Array(message[start..<end]))
                start = end
            }
            return SHA256.hexString(hasher.finalize())
        }
        let abc = Array("abc".utf8)
        #expect(digest(abc, hardware: true, chunk: 3) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest(abc, hardware: false, chunk: 3) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var rng = SystemRandomNumberGenerator()
        let long = (0..<100_003).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for chunk in [1, 63, 64, 1000, 65_536, 100_003] {
            #expect(digest(long, hardware: true, chunk: chunk) == digest(long, hardware: false, chunk: 1 << 20))
        }
    }
}
