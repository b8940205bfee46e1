#ifndef C_PATH_EXCHANGE_H
#define C_PATH_EXCHANGE_H

/// Swaps two existing paths (files or directories) in one step: renameat2(RENAME_EXCHANGE) on Linux,
/// renamex_np(RENAME_SWAP) on Apple systems. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the
/// system or file system can't swap).
int ncp_exchange_paths(const char *first, const char *second);

#endif
