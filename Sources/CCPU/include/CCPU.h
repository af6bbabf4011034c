// What the CPU and the OS offer, for the C fast paths (CUTF8, CLanes) to choose their code at
// run time: the package is built for baseline x86-64.
#ifndef CCPU_H
#define CCPU_H

/// 1 when the CPU has SSSE3 (every x86-64 CPU since 2006); 0 elsewhere.
int satkit_cpu_ssse3(void);

/// 1 when the CPU has AVX2 and the OS saves the YMM registers; 0 elsewhere.
int satkit_cpu_avx2(void);

#endif
