namespace HierCore.Engine; public static class EngineInfo { public const string Name = "HierCore"; }
