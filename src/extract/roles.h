// Roles (stage after names): a title cue links a person to a state or firm
// when they stand together: "prezydent Uzbekistanu Szawkat Mirzijojew",
// "Kazakh President Kassym-Jomart Tokayev", "Cove-CEO Pini Althaus",
// "Marco Rubio, وزیر خارجهٔ ایالات متحده" (apposition).
#pragma once
#include "core/document.h"

namespace nkg {

void find_roles(Document& doc);

}  // namespace nkg
