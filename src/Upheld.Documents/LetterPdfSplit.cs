using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Upheld.Documents;

/// <summary>Cuts one tagged PDF that Chromium printed from several letters into one tagged PDF per letter.</summary>
/// <remarks>
/// Printing several letters as one document costs Chromium about 40 % less than printing each alone (docs/benchmarks.md),
/// but each council gets a PDF of its own, still tagged. In the printed document each letter is an <c>article</c>, each
/// from a new page: its structure element (<c>Art</c>) holds the letter's whole structure tree, and that element's
/// children are exactly what the letter printed alone has under its <c>Document</c> element. So a letter's PDF is its
/// pages, its <c>Art</c> element made the <c>Document</c> element, the entries of the parent tree for its pages and links,
/// its entries of the outline, and its own title; every other object is copied as Chromium wrote it (fonts are shared by
/// the letters of one print, subsets of the same font). Only the layout Chromium's PDF library (Skia) writes is read: no
/// object streams, a plain cross-reference table, direct stream lengths. Anything else, or any object of a letter that
/// would lead to another letter's pages, throws <see cref="InvalidDataException"/> and the caller prints the letters one
/// at a time instead.
/// </remarks>
internal static class LetterPdfSplit
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>One PDF per <c>article</c> of <paramref name="pdf"/>, in order, titled with <paramref name="titles"/>.</summary>
    public static IReadOnlyList<byte[]> Split(byte[] pdf, IReadOnlyList<string> titles)
    {
        var objects = Read(pdf);
        var trailer = Latin1.GetString(pdf, LastIndexOf(pdf, "trailer"u8), pdf.Length - LastIndexOf(pdf, "trailer"u8));
        var root = Reference(trailer, "Root");
        var info = Reference(trailer, "Info");
        var catalog = objects[root].Dictionary;
        var structTreeNumber = Reference(catalog, "StructTreeRoot");
        var structTree = objects[structTreeNumber].Dictionary;
        var document = Reference(structTree, "K");
        var articles = References(Value(objects[document].Dictionary, "K"));
        if (articles.Count != titles.Count || articles.Any(a => Name(objects[a].Dictionary, "S") != "Art"))
            throw new InvalidDataException($"the printed document has {articles.Count} parts for {titles.Count} letters");
        var pages = new List<int>();
        CollectPages(objects, Reference(catalog, "Pages"), pages);
        var pageIndex = pages.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var parentTreeNumber = Reference(structTree, "ParentTree");
        var parentTree = objects[parentTreeNumber].Dictionary;
        if (Has(parentTree, "Kids")) throw new InvalidDataException("the parent tree has more than one level");
        var parentEntries = NumberTree(Value(parentTree, "Nums"));
        var outline = Has(catalog, "Outlines") ? Reference(catalog, "Outlines") : 0;
        var outlineItems = outline == 0 ? [] : Siblings(objects, objects[outline].Dictionary);

        var letters = new List<byte[]>();
        var firstPage = 0;
        for (var letter = 0; letter < articles.Count; letter++)
        {
            var article = articles[letter];
            // The letter's pages: those its structure elements are on. Each letter starts on a new page, so they run on
            // from the previous letter's.
            var onPages = new HashSet<int>();
            ElementPages(objects, article, onPages);
            if (onPages.Count == 0) throw new InvalidDataException($"letter {letter + 1} is on no page");
            var last = onPages.Max(p => pageIndex.TryGetValue(p, out var i) ? i : throw new InvalidDataException("a structure element names an unknown page"));
            if (onPages.Min(p => pageIndex[p]) != firstPage) throw new InvalidDataException($"letter {letter + 1} does not start on its first page");
            var letterPages = pages.GetRange(firstPage, last - firstPage + 1);
            firstPage = last + 1;
            letters.Add(Write(objects, info, catalog, titles[letter], document, article, letterPages, parentEntries, outlineItems, outline,
                [root, structTreeNumber, parentTreeNumber]));
        }
        if (firstPage != pages.Count) throw new InvalidDataException("pages after the last letter");
        return letters;
    }

    private static byte[] Write(
        Dictionary<int, PdfObject> objects, int info, string catalog, string title, int document, int article,
        List<int> pages, List<(int Key, string Value)> parentEntries, List<int> outlineItems, int outline, int[] wholeDocument)
    {
        // New objects get numbers above the document's; everything is renumbered from 1 on writing.
        var next = objects.Keys.Max() + 1;
        int newCatalog = next++, newPages = next++, newStructTree = next++, newParentTree = next++, newOutline = next++, newInfo = next++;
        var replaced = new Dictionary<int, string>();
        var pageSet = pages.ToHashSet();
        foreach (var page in pages) replaced[page] = SetEntry(objects[page].Dictionary, "Parent", $"{newPages} 0 R");
        // The letter's article becomes its document element, keeping its number so its children's /P still point to it.
        var documentElement = objects[document].Dictionary;
        replaced[article] = SetEntry(SetEntry(documentElement, "K", Value(objects[article].Dictionary, "K")), "P", $"{newStructTree} 0 R");

        var keys = new HashSet<int>();
        foreach (var page in pages)
        {
            if (Integer(objects[page].Dictionary, "StructParents") is { } key) keys.Add(key);
            if (Has(objects[page].Dictionary, "Annots"))
                foreach (var annotation in References(Value(objects[page].Dictionary, "Annots")))
                    if (Integer(objects[annotation].Dictionary, "StructParent") is { } annotationKey) keys.Add(annotationKey);
        }
        var entries = parentEntries.Where(e => keys.Contains(e.Key)).ToList();
        var added = new Dictionary<int, string>
        {
            [newPages] = $"<</Type /Pages\n/Count {pages.Count}\n/Kids [{string.Join(" ", pages.Select(p => $"{p} 0 R"))}]>>\n",
            [newStructTree] = $"<</Type /StructTreeRoot\n/K {article} 0 R\n/ParentTreeNextKey {(keys.Count == 0 ? 0 : keys.Max() + 1)}\n/ParentTree {newParentTree} 0 R>>\n",
            [newParentTree] = $"<</Type /ParentTree\n/Nums [{string.Join(" ", entries.Select(e => $"{e.Key} {e.Value}"))}]>>\n",
            [newInfo] = SetEntry(objects[info].Dictionary, "Title", PdfText(title)),
        };
        var newCatalogText = SetEntry(SetEntry(catalog, "Pages", $"{newPages} 0 R"), "StructTreeRoot", $"{newStructTree} 0 R");
        if (outline != 0)
        {
            // The letter's own top-level outline entries (a heading on its pages), linked among themselves only.
            var mine = outlineItems.Where(i => pageSet.Contains(DestinationPage(objects[i].Dictionary))).ToList();
            var count = 0;
            for (var i = 0; i < mine.Count; i++)
            {
                var text = RemoveEntry(RemoveEntry(objects[mine[i]].Dictionary, "Prev"), "Next");
                text = SetEntry(text, "Parent", $"{newOutline} 0 R");
                if (i > 0) text = SetEntry(text, "Prev", $"{mine[i - 1]} 0 R");
                if (i < mine.Count - 1) text = SetEntry(text, "Next", $"{mine[i + 1]} 0 R");
                replaced[mine[i]] = text;
                count += 1 + Math.Max(0, Integer(text, "Count") ?? 0);
            }
            if (mine.Count > 0)
                added[newOutline] = $"<</Type /Outlines\n/First {mine[0]} 0 R\n/Last {mine[^1]} 0 R\n/Count {count}>>\n";
            newCatalogText = mine.Count > 0 ? SetEntry(newCatalogText, "Outlines", $"{newOutline} 0 R") : RemoveEntry(newCatalogText, "Outlines");
        }
        added[newCatalog] = newCatalogText;

        // Every object the letter reaches, and nothing of another letter: other pages, the shared tree's nodes.
        var forbidden = new HashSet<int>(objects.Keys.Where(k => objects[k].Dictionary.StartsWith("<</Type /Page", StringComparison.Ordinal) && !pageSet.Contains(k)))
            { document, outline };
        forbidden.UnionWith(wholeDocument);
        var order = new List<int>();
        var numbers = new Dictionary<int, int>();
        var pending = new Stack<int>();
        void Reach(int number)
        {
            if (numbers.ContainsKey(number)) return;
            if (forbidden.Contains(number) || !(added.ContainsKey(number) || objects.ContainsKey(number)))
                throw new InvalidDataException($"a letter's object leads to object {number}, not the letter's own");
            numbers[number] = order.Count + 1;
            order.Add(number);
            pending.Push(number);
        }
        Reach(newInfo);
        Reach(newCatalog);
        while (pending.Count > 0)
        {
            var number = pending.Pop();
            foreach (var reference in References(Text(number))) Reach(reference);
        }
        string Text(int number) => added.TryGetValue(number, out var a) ? a : replaced.TryGetValue(number, out var r) ? r : objects[number].Dictionary;

        var output = new MemoryStream();
        output.Write([.. "%PDF-1.4\n%"u8, 0xD3, 0xEB, 0xE9, 0xE1, (byte)'\n']);
        var offsets = new long[order.Count + 1];
        foreach (var number in order)
        {
            offsets[numbers[number]] = output.Position;
            output.Write(Latin1.GetBytes($"{numbers[number]} 0 obj\n{Renumber(Text(number), numbers)}"));
            if (objects.TryGetValue(number, out var original) && original.Stream is { } stream) output.Write(stream);
            output.Write("endobj\n"u8);
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {order.Count + 1}\n0000000000 65535 f \n");
        for (var i = 1; i <= order.Count; i++) table.Append(CultureInfo.InvariantCulture, $"{offsets[i]:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {order.Count + 1}\n/Root {numbers[newCatalog]} 0 R\n/Info {numbers[newInfo]} 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Latin1.GetBytes(table.ToString()));
        return output.ToArray();
    }

    private sealed record PdfObject(string Dictionary, byte[]? Stream);

    /// <summary>Every object by its number: the text before any stream (Latin-1, byte for byte), and the stream with its keywords.</summary>
    private static Dictionary<int, PdfObject> Read(byte[] pdf)
    {
        var startxref = LastIndexOf(pdf, "startxref"u8);
        var xref = int.Parse(Latin1.GetString(pdf, startxref + 9, pdf.Length - startxref - 9).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
        var lines = Latin1.GetString(pdf, xref, startxref - xref).Split('\n');
        if (lines[0] != "xref") throw new InvalidDataException("no cross-reference table where the PDF says");
        var header = lines[1].Split(' ');
        if (header[0] != "0") throw new InvalidDataException("the cross-reference table has more than one section");
        var count = int.Parse(header[1], CultureInfo.InvariantCulture);
        var offsets = new List<(int Number, int Offset)>();
        for (var i = 1; i < count; i++)
        {
            var entry = lines[2 + i];
            if (entry.Length >= 18 && entry[17] == 'n') offsets.Add((i, int.Parse(entry[..10], CultureInfo.InvariantCulture)));
        }
        offsets.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        var objects = new Dictionary<int, PdfObject>();
        for (var i = 0; i < offsets.Count; i++)
        {
            var (number, offset) = offsets[i];
            var end = i + 1 < offsets.Count ? offsets[i + 1].Offset : xref;
            var prefix = Encoding.ASCII.GetBytes($"{number} 0 obj\n");
            var suffix = "endobj\n"u8;
            var span = pdf.AsSpan(offset, end - offset);
            if (!span.StartsWith(prefix) || !span.EndsWith(suffix)) throw new InvalidDataException($"object {number} is not laid out as expected");
            span = span[prefix.Length..^suffix.Length];
            if (span.EndsWith("endstream\n"u8))
            {
                var keyword = span.IndexOf(" stream\n"u8);
                if (keyword < 0) throw new InvalidDataException($"object {number}'s stream is not laid out as expected");
                objects[number] = new PdfObject(Latin1.GetString(span[..keyword]), span[keyword..].ToArray());
            }
            else objects[number] = new PdfObject(Latin1.GetString(span), null);
        }
        return objects;
    }

    private static void CollectPages(Dictionary<int, PdfObject> objects, int node, List<int> pages)
    {
        var text = objects[node].Dictionary;
        if (Name(text, "Type") == "Page") { pages.Add(node); return; }
        foreach (var kid in References(Value(text, "Kids"))) CollectPages(objects, kid, pages);
    }

    private static void ElementPages(Dictionary<int, PdfObject> objects, int element, HashSet<int> pages)
    {
        var text = objects[element].Dictionary;
        foreach (var (key, value) in Pairs(text))
        {
            if (key == "Pg") pages.Add(References(value).Single());
            else if (key == "K")
                foreach (var child in References(value))
                    if (objects.TryGetValue(child, out var o) && o.Dictionary.Contains("/Type /StructElem", StringComparison.Ordinal)) ElementPages(objects, child, pages);
        }
        // Marked content and object references inside /K name their page too.
        foreach (Match m in PageInK.Matches(text)) pages.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static readonly Regex PageInK = new(@"/Pg (\d+) 0 R", RegexOptions.CultureInvariant);

    private static List<int> Siblings(Dictionary<int, PdfObject> objects, string parent)
    {
        var items = new List<int>();
        if (!Has(parent, "First")) return items;
        for (var item = Reference(parent, "First"); ; item = Reference(objects[item].Dictionary, "Next"))
        {
            items.Add(item);
            if (!Has(objects[item].Dictionary, "Next")) return items;
        }
    }

    private static int DestinationPage(string item) => References(Value(item, "Dest")).First();

    private static List<(int Key, string Value)> NumberTree(string nums)
    {
        var tokens = Tokens(nums[1..^1]).ToList();
        var entries = new List<(int, string)>();
        for (var i = 0; i < tokens.Count;)
        {
            var key = int.Parse(tokens[i], CultureInfo.InvariantCulture);
            if (i + 3 >= tokens.Count || tokens[i + 3] != "R") throw new InvalidDataException("a parent tree entry is not a reference");
            entries.Add((key, $"{tokens[i + 1]} {tokens[i + 2]} R"));
            i += 4;
        }
        return entries;
    }

    // --- The few pieces of PDF syntax that Skia's dictionaries use. ---

    /// <summary>The top-level entries of a dictionary's text, each value as written.</summary>
    private static IEnumerable<(string Key, string Value)> Pairs(string dictionary)
    {
        var start = dictionary.IndexOf("<<", StringComparison.Ordinal);
        if (start < 0) yield break;
        var i = start + 2;
        while (true)
        {
            i = SkipSpace(dictionary, i);
            if (i >= dictionary.Length || dictionary[i] == '>') yield break;
            if (dictionary[i] != '/') throw new InvalidDataException("a dictionary key is not a name");
            var keyEnd = EndOfToken(dictionary, i);
            var key = dictionary[(i + 1)..keyEnd];
            var valueStart = SkipSpace(dictionary, keyEnd);
            var valueEnd = EndOfValue(dictionary, valueStart);
            // A reference is three tokens: number, generation, R.
            var afterValue = SkipSpace(dictionary, valueEnd);
            if (char.IsAsciiDigit(dictionary[valueStart]) && afterValue < dictionary.Length && char.IsAsciiDigit(dictionary[afterValue]))
            {
                var generationEnd = EndOfToken(dictionary, afterValue);
                var r = SkipSpace(dictionary, generationEnd);
                if (r < dictionary.Length && dictionary[r] == 'R' && (r + 1 == dictionary.Length || IsDelimiterOrSpace(dictionary[r + 1])))
                    valueEnd = r + 1;
            }
            yield return (key, dictionary[valueStart..valueEnd]);
            i = valueEnd;
        }
    }

    private static bool Has(string dictionary, string key) => Pairs(dictionary).Any(p => p.Key == key);

    private static string Value(string dictionary, string key) =>
        Pairs(dictionary).Where(p => p.Key == key).Select(p => p.Value).FirstOrDefault()
        ?? throw new InvalidDataException($"/{key} is missing");

    private static int Reference(string dictionary, string key) => References(Value(dictionary, key)).Single();

    private static string? Name(string dictionary, string key) =>
        Pairs(dictionary).Where(p => p.Key == key).Select(p => p.Value.TrimStart('/')).FirstOrDefault();

    private static int? Integer(string dictionary, string key) =>
        Pairs(dictionary).Where(p => p.Key == key).Select(p => (int?)int.Parse(p.Value, CultureInfo.InvariantCulture)).FirstOrDefault();

    /// <summary>The dictionary with <paramref name="key"/> set to <paramref name="value"/> (added at its end when missing).</summary>
    private static string SetEntry(string dictionary, string key, string value)
    {
        var at = Locate(dictionary, key);
        if (at is var (start, end)) return string.Concat(dictionary.AsSpan(0, start), $"/{key} {value}", dictionary.AsSpan(end));
        var close = dictionary.LastIndexOf(">>", StringComparison.Ordinal);
        return string.Concat(dictionary.AsSpan(0, close), $"\n/{key} {value}", dictionary.AsSpan(close));
    }

    private static string RemoveEntry(string dictionary, string key) =>
        Locate(dictionary, key) is var (start, end)
            ? string.Concat(dictionary.AsSpan(0, start).TrimEnd('\n'), dictionary.AsSpan(end))
            : dictionary;

    /// <summary>Where a top-level entry (key and value) is in the dictionary's text.</summary>
    private static (int Start, int End)? Locate(string dictionary, string key)
    {
        var i = dictionary.IndexOf("<<", StringComparison.Ordinal) + 2;
        foreach (var (k, v) in Pairs(dictionary))
        {
            var start = dictionary.IndexOf('/' + k, i, StringComparison.Ordinal);
            var end = dictionary.IndexOf(v, start + k.Length + 1, StringComparison.Ordinal) + v.Length;
            if (k == key) return (start, end);
            i = end;
        }
        return null;
    }

    /// <summary>The object numbers of every reference in <paramref name="text"/>, strings skipped.</summary>
    private static List<int> References(string text)
    {
        var found = new List<int>();
        Rewrite(text, n => { found.Add(n); return n; });
        return found;
    }

    private static string Renumber(string text, Dictionary<int, int> numbers) => Rewrite(text, n => numbers[n]);

    /// <summary>Rewrites each reference <c>N 0 R</c> outside strings through <paramref name="map"/>.</summary>
    private static string Rewrite(string text, Func<int, int> map)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '(')
            {
                var end = EndOfLiteral(text, i);
                output.Append(text, i, end - i);
                i = end;
            }
            else if (c == '<' && i + 1 < text.Length && text[i + 1] == '<')
            {
                output.Append("<<");
                i += 2;
            }
            else if (c == '<')
            {
                var end = text.IndexOf('>', i) + 1;
                output.Append(text, i, end - i);
                i = end;
            }
            else if (char.IsAsciiDigit(c) && (i == 0 || IsDelimiterOrSpace(text[i - 1])))
            {
                var numberEnd = i;
                while (numberEnd < text.Length && char.IsAsciiDigit(text[numberEnd])) numberEnd++;
                if (numberEnd + 4 <= text.Length && text.AsSpan(numberEnd, 4).SequenceEqual(" 0 R")
                    && (numberEnd + 4 == text.Length || IsDelimiterOrSpace(text[numberEnd + 4])))
                {
                    output.Append(map(int.Parse(text.AsSpan(i, numberEnd - i), CultureInfo.InvariantCulture))).Append(" 0 R");
                    i = numberEnd + 4;
                }
                else
                {
                    output.Append(text, i, numberEnd - i);
                    i = numberEnd;
                }
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
        return output.ToString();
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var i = SkipSpace(text, 0);
        while (i < text.Length)
        {
            var end = EndOfValue(text, i);
            yield return text[i..end];
            i = SkipSpace(text, end);
        }
    }

    private static int EndOfValue(string text, int i) => text[i] switch
    {
        '(' => EndOfLiteral(text, i),
        '[' => EndOfBracketed(text, i, '[', ']'),
        '<' when i + 1 < text.Length && text[i + 1] == '<' => EndOfDictionary(text, i),
        '<' => text.IndexOf('>', i) + 1,
        _ => EndOfToken(text, i),
    };

    private static int EndOfToken(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && !IsDelimiterOrSpace(text[j])) j++;
        return j;
    }

    private static int EndOfLiteral(string text, int i)
    {
        var depth = 0;
        for (var j = i; j < text.Length; j++)
        {
            switch (text[j])
            {
                case '\\': j++; break;
                case '(': depth++; break;
                case ')' when --depth == 0: return j + 1;
            }
        }
        throw new InvalidDataException("a string is not closed");
    }

    private static int EndOfBracketed(string text, int i, char open, char close)
    {
        var depth = 0;
        for (var j = i; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '(') { j = EndOfLiteral(text, j) - 1; continue; }
            if (c == '<' && j + 1 < text.Length && text[j + 1] == '<') { j = EndOfDictionary(text, j) - 1; continue; }
            if (c == open) depth++;
            else if (c == close && --depth == 0) return j + 1;
        }
        throw new InvalidDataException("an array is not closed");
    }

    private static int EndOfDictionary(string text, int i)
    {
        var depth = 0;
        for (var j = i; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '(') { j = EndOfLiteral(text, j) - 1; continue; }
            if (c == '<' && j + 1 < text.Length && text[j + 1] == '<') { depth++; j++; continue; }
            if (c == '>' && j + 1 < text.Length && text[j + 1] == '>') { if (--depth == 0) return j + 2; j++; }
        }
        throw new InvalidDataException("a dictionary is not closed");
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static bool IsDelimiterOrSpace(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%';

    /// <summary>A text string as Skia writes one: Latin-1 printable text as a literal, anything else as UTF-16 with its mark.</summary>
    private static string PdfText(string text)
    {
        if (text.All(c => c >= ' ' && c < 0x7F))
            return $"({text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")})";
        return $"<FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))}>";
    }

    private static int LastIndexOf(byte[] bytes, ReadOnlySpan<byte> what)
    {
        var at = bytes.AsSpan().LastIndexOf(what);
        return at >= 0 ? at : throw new InvalidDataException($"no {Encoding.ASCII.GetString(what)} in the PDF");
    }
}
