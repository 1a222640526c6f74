namespace HierCore.Engine.Contracts;

/// <summary>The method cannot run in this scenario (e.g. patchcore-oc without training labels).</summary>
public sealed class NotApplicableException(string message) : Exception(message);
