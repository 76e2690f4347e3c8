Console.Error.WriteLine("bots: not wired yet");
return 1;
