using Upheld.Accounts;
using Upheld.Letters.Mail;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Accounts;

/// <summary>Letters are copied to the link officers who have an account in the staff area, and to any listed besides.</summary>
public sealed class StaffLinkOfficersTests
{
    private static readonly DateTimeOffset Now = new(2020, 7, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Link_officers_of_a_council_come_from_its_accounts_and_the_list_besides_once_each()
    {
        using var store = TestDatabase.Sqlite();
        using (var connection = store.Database.Connect())
        {
            StaffUsers.Add(connection, new StaffUser("lee@rutland.example", "Lee", StaffRole.LinkOfficer, "E06000017", "hash", 0, null, "a"), Now);
            StaffUsers.Add(connection, new StaffUser("kim@worcs.example", "Kim", StaffRole.LinkOfficer, "E10000034", "hash", 0, null, "b"), Now);
            StaffUsers.Add(connection, new StaffUser("pat@ombudsman.example", "Pat", StaffRole.Publisher, null, "hash", 0, null, "c"), Now);
        }
        var listed = new LinkOfficers(code => code == "E06000017" ? ["LEE@rutland.example", "ash@rutland.example"] : []);

        var officers = new StaffLinkOfficers(store.Database, listed);

        Assert.Equal(["lee@rutland.example", "ash@rutland.example"], officers.For("E06000017"));
        Assert.Equal(["kim@worcs.example"], officers.For("E10000034"));
        Assert.Empty(officers.For("E07000223"));
    }
}
