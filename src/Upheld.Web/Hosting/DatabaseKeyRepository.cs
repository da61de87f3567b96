using System.Globalization;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Upheld.Storage;

namespace Upheld.Web.Hosting;

/// <summary>Keeps the data-protection key ring in the database (table <c>data_protection_keys</c>), so that several
/// instances of the site behind one proxy share sign-in: a cookie protected by one is read by any other.</summary>
/// <remarks>
/// Key elements are only ever added, each under its own name; two instances creating a key at the same moment both
/// keep theirs, and either key reads the other's cookies once the key ring is read again.
/// </remarks>
public sealed class DatabaseKeyRepository(Database database, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Connect();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name")
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.Connect();
        connection.Execute(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at) ON CONFLICT (name) DO NOTHING",
            new
            {
                name = friendlyName,
                xml = element.ToString(SaveOptions.DisableFormatting),
                at = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            });
    }
}
