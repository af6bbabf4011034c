// SHA-256 block compression with the x86 SHA extensions (SHA-NI), for SurveySchema's SHA256.
// The Swift implementation is the definition and the fallback; this is only its fast path.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (and SSSE3 and SSE4.1, which the code also uses).
int satkit_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, updating
/// `state` (the eight working words h0...h7). Call only when
/// `satkit_sha256_hardware_available()` returned 1.
void satkit_sha256_hardware_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
