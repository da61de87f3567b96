using System.Data;
using System.Globalization;

namespace Upheld.Storage;

/// <summary>Reads and writes a financial year as the integer its columns hold: the year it starts in.</summary>
/// <remarks>SQLite answers a long and PostgreSQL an int, so the value is converted rather than cast.</remarks>
internal sealed class FinancialYearColumn : Dapper.SqlMapper.TypeHandler<FinancialYear>
{
    public override FinancialYear Parse(object value) => new(Convert.ToInt32(value, CultureInfo.InvariantCulture));

    public override void SetValue(IDbDataParameter parameter, FinancialYear value)
    {
        parameter.DbType = DbType.Int32;
        parameter.Value = value.StartYear;
    }
}
