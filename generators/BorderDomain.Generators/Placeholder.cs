namespace BorderDomain.Generators;
