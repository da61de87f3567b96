using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary><c>/staff/audit</c> (every change) and <c>/staff/access-log</c> (every view of unpublished data), newest first.</summary>
public static class LogsPages
{
    public const int Shown = 500;

    public static void MapLogs(this RouteGroupBuilder staff)
    {
        staff.MapGet("/audit", (HttpContext context, Database database) =>
        {
            using var connection = database.Connect();
            return StaffAnswers.Page<AuditPage, AuditPageModel>(context, new(AuditTrail.Latest(connection, Shown)));
        }).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapGet("/access-log", (HttpContext context, Database database) =>
        {
            using var connection = database.Connect();
            return StaffAnswers.Page<AccessLogPage, AccessLogPageModel>(context, new(AccessLog.Latest(connection, Shown)));
        }).RequireAuthorization(StaffSetup.StaffPolicy);
    }
}
