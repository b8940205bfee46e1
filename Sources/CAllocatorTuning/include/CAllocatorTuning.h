#ifndef C_ALLOCATOR_TUNING_H
#define C_ALLOCATOR_TUNING_H

/// Fixes glibc's mmap threshold at `bytes`, so blocks at least that large are returned to the system when
/// freed instead of staying resident in a heap arena. Does nothing where the C library is not glibc.
void ncp_fix_mmap_threshold(int bytes);

#endif
