Console.Error.WriteLine("Bots.Summarizer: not wired yet");
return 1;
