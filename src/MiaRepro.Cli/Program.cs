return MiaRepro.Cli.CliApp.Run(args);
