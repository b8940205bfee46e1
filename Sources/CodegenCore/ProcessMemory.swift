import CAllocatorTuning

/// Allocator settings for a process whose job is generating large files.
public enum ProcessMemory {
    /// Lets the C allocator give multi-megabyte blocks back to the system as soon as they are freed.
    ///
    /// Rendering builds each output file as a string that grows by doubling and is then copied once. glibc
    /// raises its mmap threshold to the size of every large block freed, so after the first file such blocks
    /// come from the heap arenas and stay resident: at 100 times the real spec the peak was anywhere from 112
    /// to 142 MB for the same work, and with the threshold fixed at 1 MB it is 95 MB on every run. The setting
    /// is process-wide, so only an executable should make it, once, at its start (`ncp-codegen` does).
    public static func returnLargeBlocksPromptly() {
        ncp_fix_mmap_threshold(1 << 20)
    }
}
