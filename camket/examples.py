"""What `camket init` writes as examples, stated once.

init's templates (camket.progress.scaffold) are filled from these, and validate's W104
(camket.checks.placeholders) warns about exactly these values while they are left in the data,
since each would be printed on a real document. They live here, at the foundation, so that a
check does not reach down into the code that writes folders.
"""

from __future__ import annotations

EXAMPLE_UNIT = "don-vi-mau"
EXAMPLE_UNIT_NAME = "Huyện ủy Mẫu"
EXAMPLE_COLLECTIVE = "Ban Thường vụ Huyện ủy Mẫu"
EXAMPLE_REPORT_SIGNER = "Nguyễn Văn A"  # also the example unit's head
EXAMPLE_SHEET_SIGNER = "Nguyễn Văn B"
EXAMPLE_THEME = "Chủ đề năm {year}"
# The report's prose under `report:` in year.yaml: an example paragraph for each section, in
# the order the report places them ("block" stands for each block's id). Written commented out;
# uncommented and left as is, each would print as a bracketed note in the report.
EXAMPLE_REPORT = {
    "intro": "[Mở đầu: bối cảnh của năm, cách các đơn vị quán triệt và ký cam kết.]",
    "block": "[Kết quả nổi bật của các đơn vị trong khối.]",
    "results": "[Đánh giá chung: kết quả thực hiện cam kết góp phần vào nhiệm vụ của năm.]",
    "limitations": "[Hạn chế, khuyết điểm và nguyên nhân.]",
    "next_year": "[Nhiệm vụ, giải pháp năm sau.]",
}
