#include "CAllocatorTuning.h"

#if defined(__linux__)
#include <malloc.h> // defines __GLIBC__ when the C library is glibc
#endif

void ncp_fix_mmap_threshold(int bytes) {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
    mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
#endif
}
