System.Console.WriteLine("hiercore");
