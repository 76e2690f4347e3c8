Console.Error.WriteLine("Bots.QuestionAnswering: not wired yet");
return 1;
