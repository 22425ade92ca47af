// Package touchpoint describes the places where social media meets an
// organisation — the touchpoints — with the attributes that matter when
// deciding where social media should sit, and the departments that own,
// do, approve or hear about the work.
//
// # Touchpoints
//
// A [Touchpoint] has a stable kebab-case [ID], a natural owning
// [Department], the departments usually consulted ([Touchpoint.Partners]),
// an [Audience] (external, internal or both), a needed response [Speed]
// (realtime, same-day, days, planned), and three [Level] values on a 1–5
// scale: Risk (approval sensitivity and legal exposure; 4 and 5 need a
// defined approval path), Volume (interactions relative to the rest of the
// organisation's social work) and Expertise (how specialised the skill is).
// The scales and values follow the project's domain research, whose
// sources each touchpoint cites in [Touchpoint.Source].
//
// The default catalogue ([DefaultCatalog]) holds the twelve touchpoints
// named by the two seed posts (Mindjumpers 2010; Symphonio 2017):
//
//	marketing-channel        the marketing mix            owner marketing
//	employee-policy          employee social media policy owner hr
//	employer-branding        recruitment                  owner hr
//	csr-awareness            awareness of the CSR strategy owner csr
//	customer-support         social customer care         owner customer-service
//	social-crm               social selling               owner sales
//	public-relations         PR and media relations       owner pr
//	public-affairs           public affairs               owner communications
//	corporate-communication  corporate narrative          owner communications
//	internal-communication   knowledge sharing            owner communications
//	crisis-response          crisis response              owner communications
//	social-listening         listening and insight        owner marketing (shared)
//
// # Departments
//
// [Department] is an open set. The ten standard departments
// ([StandardDepartments]) — communications, marketing, pr,
// customer-service, hr, sales, csr, executive, it, legal — are always known;
// a [Catalog] can declare more with [Catalog.AddDepartment] or in its file.
// A reference to a department that is neither standard nor declared is an
// error ([ErrUnknownDepartment]), as is a reference to a touchpoint that is
// not in the catalogue ([ErrUnknownTouchpoint]).
//
// # Catalogues
//
// A [Catalog] is an ordered set of touchpoints. [DefaultCatalog] returns a
// fresh copy of the embedded default every time; callers change their copy
// with [Catalog.Add], [Catalog.Replace] and [Catalog.Remove], or read their
// own with [ReadCatalog] (YAML or JSON).
//
// # Conventions
//
//   - Inputs are copied and outputs are copies: nothing a caller holds can
//     change a catalogue, and nothing a catalogue returns can change it.
//   - Enumerations ([Audience], [Speed]) are typed integers whose zero value
//     is unset and rejected. Their text form is a stable lower-case token;
//     parsing is strict and an unknown token wraps [ErrUnknownName].
//   - Errors wrap one of the package's sentinel errors; an error about a
//     field is a [*FieldError] carrying the path in file-format names.
//     Validation reports every problem at once with [errors.Join].
//   - There is no package-level mutable state. A Catalog may be read from
//     several goroutines at once but not changed concurrently.
package touchpoint
