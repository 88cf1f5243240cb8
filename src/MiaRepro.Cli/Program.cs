// Placeholder entry point so that the solution builds; the command line lands in its own change.
Console.Error.WriteLine("miarepro: commands are not implemented yet.");
return 1;
