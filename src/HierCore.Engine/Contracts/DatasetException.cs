namespace HierCore.Engine.Contracts;

/// <summary>Bad input data (missing folder, corrupt image, mask of wrong size...). The message names the file or class.</summary>
public sealed class DatasetException(string message, Exception? inner = null) : Exception(message, inner);
