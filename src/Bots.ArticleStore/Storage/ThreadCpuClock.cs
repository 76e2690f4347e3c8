using System.Runtime.InteropServices;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// CPU time the calling thread has used (Linux; zero elsewhere). On a shared machine wall time also counts
/// the neighbours; the writer's CPU time measures the store alone.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static double Milliseconds() =>
        OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
