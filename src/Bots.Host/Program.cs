Console.Error.WriteLine("Bots.Host: not wired yet");
return 1;
