// The Redis tests measure timeouts of 100-150 ms against real redis-server processes; run side by side, the classes
// starved each other of the 2 CI cores and a timeout fired late or early about one run in five. Serially the assembly
// takes a few seconds longer and its timings mean what they say.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
