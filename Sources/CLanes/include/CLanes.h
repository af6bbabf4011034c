// The bootstrap's inner loop with AVX2: a block of rows, each adding its eight replicate
// weights to one cell per item. SatisfactionIndex's UnitTotals has the same loop in Swift
// (the definition and the fallback); this only runs it with 256-bit vectors where the CPU has
// them, since the package is built for baseline x86-64.
#ifndef CLANES_H
#define CLANES_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU and the OS support AVX2.
int satkit_lanes_avx2_available(void);

/// For each of `rows` rows p: for each item j < `items`, adds the 8 doubles at
/// `weights + 8p` to the 8 doubles at `cells + 8 * (j * stride + codes[p * items + j])`.
/// Call only when `satkit_lanes_avx2_available()` returned 1.
void satkit_lanes_add_avx2(double *cells, const double *weights, const uint8_t *codes,
                           size_t rows, size_t items, size_t stride);

#endif
