namespace Bots.Text;

/// <summary>
/// The Porter (1980) stemmer, following Martin Porter's reference C implementation (including its two
/// documented departures from the paper: "bli"→"ble" and "logi"→"log"), so that stems match the
/// published vocabulary/output pairs and the "porter" tokenizer of SQLite FTS5.
/// </summary>
public static class PorterStemmer
{
    /// <summary>Stems a lower-case word. Words of two letters or fewer, and words with anything but a–z, come back unchanged.</summary>
    public static string Stem(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        if (lowerWord.Length <= 2)
        {
            return lowerWord;
        }
        foreach (var c in lowerWord)
        {
            if (c is < 'a' or > 'z')
            {
                return lowerWord;
            }
        }

        return Memo.GetOrAdd(lowerWord, static word => new Worker(word).Run());
    }

    // Every question and passage stems the same few thousand words again; a memo makes that a lookup.
    private static readonly BoundedCache<string, string> Memo = new(100_000, StringComparer.Ordinal);

    private sealed class Worker(string word)
    {
        private readonly char[] b = word.ToCharArray();
        private int k = word.Length - 1;
        private int j;

        public string Run()
        {
            Step1ab();
            if (k > 0)
            {
                Step1c();
                Step2();
                Step3();
                Step4();
                Step5();
            }
            return new string(b, 0, k + 1);
        }

        private bool IsConsonant(int i) => b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // The number of vowel-consonant sequences in b[0..j].
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > j)
                {
                    return n;
                }
                if (!IsConsonant(i))
                {
                    break;
                }
                i++;
            }
            i++;
            while (true)
            {
                while (true)
                {
                    if (i > j)
                    {
                        return n;
                    }
                    if (IsConsonant(i))
                    {
                        break;
                    }
                    i++;
                }
                i++;
                n++;
                while (true)
                {
                    if (i > j)
                    {
                        return n;
                    }
                    if (!IsConsonant(i))
                    {
                        break;
                    }
                    i++;
                }
                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }
            return false;
        }

        private bool DoubleConsonant(int i) => i >= 1 && b[i] == b[i - 1] && IsConsonant(i);

        // consonant-vowel-consonant ending at i, where the last consonant is not w, x or y ("hop", not "snow").
        private bool Cvc(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2))
            {
                return false;
            }
            return b[i] is not ('w' or 'x' or 'y');
        }

        private bool Ends(string s)
        {
            var length = s.Length;
            if (length > k + 1 || s[length - 1] != b[k])
            {
                return false;
            }
            for (var i = 0; i < length; i++)
            {
                if (b[k - length + 1 + i] != s[i])
                {
                    return false;
                }
            }
            j = k - length;
            return true;
        }

        private void SetTo(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                b[j + 1 + i] = s[i];
            }
            k = j + s.Length;
        }

        private void ReplaceIfMeasured(string s)
        {
            if (Measure() > 0)
            {
                SetTo(s);
            }
        }

        private void Step1ab()
        {
            if (b[k] == 's')
            {
                if (Ends("sses"))
                {
                    k -= 2;
                }
                else if (Ends("ies"))
                {
                    SetTo("i");
                }
                else if (b[k - 1] != 's')
                {
                    k--;
                }
            }
            if (Ends("eed"))
            {
                if (Measure() > 0)
                {
                    k--;
                }
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                k = j;
                if (Ends("at"))
                {
                    SetTo("ate");
                }
                else if (Ends("bl"))
                {
                    SetTo("ble");
                }
                else if (Ends("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(k))
                {
                    k--;
                    if (b[k] is 'l' or 's' or 'z')
                    {
                        k++;
                    }
                }
                else if (Measure() == 1 && Cvc(k))
                {
                    SetTo("e");
                }
            }
        }

        private void Step1c()
        {
            if (Ends("y") && VowelInStem())
            {
                b[k] = 'i';
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
            ("logi", "log"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
            "ism", "ate", "iti", "ous", "ive", "ize",
        ];

        // The C implementation switches on the penultimate letter, so the first matching suffix wins;
        // within each letter group the rule order above is the C order.
        private void Step2() => ApplyFirst(Step2Rules);

        private void Step3() => ApplyFirst(Step3Rules);

        private void ApplyFirst((string Suffix, string Replacement)[] rules)
        {
            foreach (var (suffix, replacement) in rules)
            {
                if (Ends(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        private void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!Ends(suffix))
                {
                    continue;
                }
                if (suffix == "ion" && (j < 0 || b[j] is not ('s' or 't')))
                {
                    // "ion" only goes after s or t; the C code then still tries "ou" in the same group.
                    continue;
                }
                if (Measure() > 1)
                {
                    k = j;
                }
                return;
            }
        }

        private void Step5()
        {
            j = k;
            if (b[k] == 'e')
            {
                var a = Measure();
                if (a > 1 || (a == 1 && !Cvc(k - 1)))
                {
                    k--;
                }
            }
            if (b[k] == 'l' && DoubleConsonant(k) && Measure() > 1)
            {
                k--;
            }
        }
    }
}
