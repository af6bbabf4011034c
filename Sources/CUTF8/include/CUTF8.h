// UTF-8 validation with SSSE3, for SurveyData's UTF8Validation. The Swift implementation is the
// definition, the fallback and the one that says where an error is; this only answers "is all
// of it valid" fast, so that the Swift code runs only on the rare buffer that is not.
#ifndef CUTF8_H
#define CUTF8_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has SSSE3 (every x86-64 CPU since 2006), which the vector check needs.
int satkit_utf8_vector_available(void);

/// 1 when `length` bytes at `data` are well-formed UTF-8 (AVX2 where the CPU has it, else SSSE3) (Unicode table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF, no sequence cut short at the end); 0 otherwise.
/// Call only when `satkit_utf8_vector_available()` returned 1.
int satkit_utf8_vector_valid(const uint8_t *data, size_t length);

/// `satkit_utf8_vector_valid` with SSSE3 even where AVX2 is available (for tests of both).
int satkit_utf8_vector_valid_ssse3(const uint8_t *data, size_t length);

#endif
