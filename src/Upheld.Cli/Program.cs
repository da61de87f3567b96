System.Console.WriteLine("upheld");
