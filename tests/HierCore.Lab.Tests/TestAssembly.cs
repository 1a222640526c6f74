// Two cores: the fake-engine Lab and the real-engine Lab must not run at the same time (timing tests, CPU).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
