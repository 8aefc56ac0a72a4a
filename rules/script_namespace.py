"""script.csx uses only the namespaces custom code supports.

## What it does
Reports each `using Namespace;` directive of `script.csx` whose namespace is not on the list of
supported namespaces of Microsoft's "Write code in a custom connector": `System`,
`System.Collections`, `System.Collections.Generic`, `System.Diagnostics`, `System.IO`,
`System.IO.Compression`, `System.Linq`, `System.Net`, `System.Net.Http`,
`System.Net.Http.Headers`, `System.Net.Security`, `System.Security.Authentication`,
`System.Security.Cryptography`, `System.Text`, `System.Text.RegularExpressions`,
`System.Threading`, `System.Threading.Tasks`, `System.Web`, `System.Xml`, `System.Xml.Linq`,
`System.Drawing` (with `Drawing2D` and `Imaging`), `Microsoft.Extensions.Logging`,
`Newtonsoft.Json` and `Newtonsoft.Json.Linq`.

## Why is this bad?
The script runs in a sandbox with these assemblies only; code that needs another namespace does
not compile there. It is a warning, not an error: 6 certified scripts import
`Microsoft.PowerPlatform.Connectors.CustomCode.CSharp` or `System.Runtime.Remoting.Contexts`
(leftovers of local test harnesses) and were published.

## Example
```csharp
using System.Data.SqlClient;
```

## Use instead
```csharp
using System.Net.Http;
```

## Fix
None: remove the directive and the code that needs it.
"""

from ._api import FileKind, Finding, Rule, Severity
from ._script import SUPPORTED_NAMESPACES, usings


def check(ctx):
    if ctx.script is None:
        return
    for name, start, end in usings(ctx.script):
        if name not in SUPPORTED_NAMESPACES:
            yield Finding("", f"'{name}' is not a namespace custom code supports; the script may not compile.",
                          span=(start, end))


RULE = Rule(
    id="script-namespace",
    summary="script.csx uses only the namespaces custom code supports.",
    severity=Severity.WARNING,
    category="structure",
    file=FileKind.SCRIPT,
    docs=__doc__,
    check=check,
)
