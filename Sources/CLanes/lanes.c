#include "CLanes.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include "CCPU.h"

int satkit_lanes_avx2_available(void) { return satkit_cpu_avx2(); }

__attribute__((target("avx2")))
void satkit_lanes_add_avx2(double *cells, const double *weights, const uint8_t *codes,
                           size_t rows, size_t items, size_t stride) {
    for (size_t p = 0; p < rows; p++) {
        const __m256d w0 = _mm256_loadu_pd(weights + 8 * p);
        const __m256d w1 = _mm256_loadu_pd(weights + 8 * p + 4);
        const uint8_t *code = codes + p * items;
        double *cell = cells;
        for (size_t j = 0; j < items; j++) {
            double *d = cell + 8 * (size_t)code[j];
            _mm256_storeu_pd(d, _mm256_add_pd(_mm256_loadu_pd(d), w0));
            _mm256_storeu_pd(d + 4, _mm256_add_pd(_mm256_loadu_pd(d + 4), w1));
            cell += 8 * stride;
        }
    }
}

#else

int satkit_lanes_avx2_available(void) { return 0; }
void satkit_lanes_add_avx2(double *cells, const double *weights, const uint8_t *codes,
                           size_t rows, size_t items, size_t stride) {
    (void)cells; (void)weights; (void)codes; (void)rows; (void)items; (void)stride;
}

#endif
