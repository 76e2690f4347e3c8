Console.Error.WriteLine("Bots.Chat: not wired yet");
return 1;
