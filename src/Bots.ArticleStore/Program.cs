Console.Error.WriteLine("Bots.ArticleStore: not wired yet");
return 1;
