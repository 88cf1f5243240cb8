namespace MiaRepro;

/// <summary>
/// Bad usage or bad input (a missing or corrupt file, an unknown name, an impossible setting).
/// The message names the input and the fix; the command line maps it to exit code 2.
/// </summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
