// UTF-8 validation 32 bytes at a time with AVX2, or 16 with SSSE3, after Keiser & Lemire,
// "Validating UTF-8 in less than one instruction per byte", Software: Practice and Experience
// 51(5), 2021 (the "lookup" algorithm, as in simdjson). Each byte is classified by three table lookups (the high and low
// nibble of the byte before it, the high nibble of the byte itself); their AND is nonzero where
// a two-byte rule is broken (too short, too long, overlong, surrogate, too large, two
// continuations). Third and fourth bytes of a sequence are checked against the lead two and
// three bytes back. A buffer that ends inside a sequence is invalid here; the Swift caller
// then finds out that it was only cut short.
#include "CUTF8.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#include <string.h>

#include "CCPU.h"

int satkit_utf8_vector_available(void) { return satkit_cpu_ssse3(); }

// The error classes of the two-byte rules; a byte pair is invalid when all three lookups
// share a bit.
#define TOO_SHORT (1 << 0)   // a lead byte or ASCII, then a lead byte or ASCII where a continuation was due
#define TOO_LONG (1 << 1)    // ASCII, then a continuation
#define OVERLONG_3 (1 << 2)  // E0 followed by 80...9F
#define TOO_LARGE (1 << 3)   // F4 followed by 90...BF, or F5...FF
#define SURROGATE (1 << 4)   // ED followed by A0...BF
#define OVERLONG_2 (1 << 5)  // C0 or C1
#define TOO_LARGE_1000 (1 << 6)
#define OVERLONG_4 (1 << 6)  // F0 followed by 80...8F
#define TWO_CONTS (1 << 7)   // a continuation after a continuation (checked against the lead below)
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

__attribute__((target("ssse3")))
static inline __m128i prev(__m128i input, __m128i previous, int n) {
    switch (n) {
    case 1: return _mm_alignr_epi8(input, previous, 15);
    case 2: return _mm_alignr_epi8(input, previous, 14);
    default: return _mm_alignr_epi8(input, previous, 13);
    }
}

__attribute__((target("ssse3")))
static inline __m128i high_nibble(__m128i v) { return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F)); }

static const uint8_t byte_1_high_table[16] __attribute__((aligned(16))) = {
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
    TOO_SHORT | OVERLONG_2,
    TOO_SHORT,
    TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
};
static const uint8_t byte_1_low_table[16] __attribute__((aligned(16))) = {
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
    CARRY | OVERLONG_2,
    CARRY, CARRY,
    CARRY | TOO_LARGE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
};
static const uint8_t byte_2_high_table[16] __attribute__((aligned(16))) = {
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
};
// 255 but in the last three places: a lead of 4 (3, 2) bytes there exceeds them.
static const uint8_t incomplete_max[16] __attribute__((aligned(16))) = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0xF0 - 1, 0xE0 - 1, 0xC0 - 1,
};

__attribute__((target("ssse3")))
static inline __m128i block_errors(__m128i input, __m128i previous) {
    __m128i prev1 = prev(input, previous, 1);
    __m128i special = _mm_and_si128(
        _mm_and_si128(_mm_shuffle_epi8(_mm_load_si128((const __m128i *)byte_1_high_table), high_nibble(prev1)),
                      _mm_shuffle_epi8(_mm_load_si128((const __m128i *)byte_1_low_table),
                                       _mm_and_si128(prev1, _mm_set1_epi8(0x0F)))),
        _mm_shuffle_epi8(_mm_load_si128((const __m128i *)byte_2_high_table), high_nibble(input)));
    // Third and fourth bytes: the lead two (three) bytes back is E0...FF (F0...FF); only those
    // keep the high bit after the saturating subtraction. There a continuation (TWO_CONTS set
    // above) is required, and anywhere else forbidden: the XOR flags both mistakes.
    __m128i third = _mm_subs_epu8(prev(input, previous, 2), _mm_set1_epi8(0xE0 - 0x80));
    __m128i fourth = _mm_subs_epu8(prev(input, previous, 3), _mm_set1_epi8(0xF0 - 0x80));
    __m128i must23 = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(-128));  // 0x80
    return _mm_xor_si128(must23, special);
}

// Nonzero where the block ends inside a sequence: a lead of 2 (3, 4) bytes in the last 1 (2,
// 3) positions.
__attribute__((target("ssse3")))
static inline __m128i incomplete(__m128i input) {
    return _mm_subs_epu8(input, _mm_load_si128((const __m128i *)incomplete_max));
}

__attribute__((target("ssse3")))
static int valid_ssse3(const uint8_t *data, size_t length) {
    __m128i error = _mm_setzero_si128();
    __m128i previous = _mm_setzero_si128();
    __m128i previous_incomplete = _mm_setzero_si128();
    size_t i = 0;
    for (; i + 16 <= length; i += 16) {
        __m128i input = _mm_loadu_si128((const __m128i *)(data + i));
        if (_mm_movemask_epi8(input) == 0) {
            // ASCII: only a sequence left open by the block before is an error.
            error = _mm_or_si128(error, previous_incomplete);
            previous_incomplete = _mm_setzero_si128();
        } else {
            error = _mm_or_si128(error, block_errors(input, previous));
            previous_incomplete = incomplete(input);
        }
        previous = input;
    }
    if (i < length) {
        // The tail, padded with zeros (ASCII): a sequence still open meets a zero and fails.
        uint8_t tail[16] = {0};
        memcpy(tail, data + i, length - i);
        error = _mm_or_si128(error, block_errors(_mm_loadu_si128((const __m128i *)tail), previous));
    } else {
        error = _mm_or_si128(error, previous_incomplete);
    }
    return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}


// The same rules on 32-byte vectors. The byte n places back crosses the two 128-bit lanes, so
// it comes from the 32 bytes formed by the previous vector's high lane and this one's low lane.
__attribute__((target("avx2")))
static inline __m256i prev32(__m256i input, __m256i previous, int n) {
    __m256i joined = _mm256_permute2x128_si256(previous, input, 0x21);
    switch (n) {
    case 1: return _mm256_alignr_epi8(input, joined, 15);
    case 2: return _mm256_alignr_epi8(input, joined, 14);
    default: return _mm256_alignr_epi8(input, joined, 13);
    }
}

__attribute__((target("avx2")))
static inline __m256i table32(const uint8_t table[16]) {
    return _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)table));
}

__attribute__((target("avx2")))
static inline __m256i block_errors32(__m256i input, __m256i previous) {
    const __m256i low_nibble = _mm256_set1_epi8(0x0F);
    __m256i prev1 = prev32(input, previous, 1);
    __m256i special = _mm256_and_si256(
        _mm256_and_si256(
            _mm256_shuffle_epi8(table32(byte_1_high_table), _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble)),
            _mm256_shuffle_epi8(table32(byte_1_low_table), _mm256_and_si256(prev1, low_nibble))),
        _mm256_shuffle_epi8(table32(byte_2_high_table), _mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble)));
    __m256i third = _mm256_subs_epu8(prev32(input, previous, 2), _mm256_set1_epi8(0xE0 - 0x80));
    __m256i fourth = _mm256_subs_epu8(prev32(input, previous, 3), _mm256_set1_epi8(0xF0 - 0x80));
    __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(-128));  // 0x80
    return _mm256_xor_si256(must23, special);
}

static const uint8_t incomplete_max32[32] __attribute__((aligned(32))) = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0xF0 - 1, 0xE0 - 1, 0xC0 - 1,
};

__attribute__((target("avx2")))
static int valid_avx2(const uint8_t *data, size_t length) {
    __m256i error = _mm256_setzero_si256();
    __m256i previous = _mm256_setzero_si256();
    __m256i previous_incomplete = _mm256_setzero_si256();
    const __m256i max = _mm256_load_si256((const __m256i *)incomplete_max32);
    size_t i = 0;
    for (; i + 32 <= length; i += 32) {
        __m256i input = _mm256_loadu_si256((const __m256i *)(data + i));
        if (_mm256_movemask_epi8(input) == 0) {
            error = _mm256_or_si256(error, previous_incomplete);
            previous_incomplete = _mm256_setzero_si256();
        } else {
            error = _mm256_or_si256(error, block_errors32(input, previous));
            previous_incomplete = _mm256_subs_epu8(input, max);
        }
        previous = input;
    }
    if (i < length) {
        uint8_t tail[32] = {0};
        memcpy(tail, data + i, length - i);
        error = _mm256_or_si256(error, block_errors32(_mm256_loadu_si256((const __m256i *)tail), previous));
    } else {
        error = _mm256_or_si256(error, previous_incomplete);
    }
    return _mm256_testz_si256(error, error);
}

static int use_avx2 = -1;

int satkit_utf8_vector_valid(const uint8_t *data, size_t length) {
    int avx2 = __atomic_load_n(&use_avx2, __ATOMIC_RELAXED);
    if (avx2 < 0) {
        avx2 = satkit_cpu_avx2();
        __atomic_store_n(&use_avx2, avx2, __ATOMIC_RELAXED);
    }
    return avx2 ? valid_avx2(data, length) : valid_ssse3(data, length);
}

int satkit_utf8_vector_valid_ssse3(const uint8_t *data, size_t length) { return valid_ssse3(data, length); }

#else

int satkit_utf8_vector_available(void) { return 0; }
int satkit_utf8_vector_valid_ssse3(const uint8_t *data, size_t length) { (void)data; (void)length; return 0; }
int satkit_utf8_vector_valid(const uint8_t *data, size_t length) { (void)data; (void)length; return 0; }

#endif
