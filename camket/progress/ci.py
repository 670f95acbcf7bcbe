"""The CI pipelines `camket init --ci` writes: the git server checks the data on every push.

When a province's offices share one git server (GitLab, Gitea, Forgejo or GitHub), its CI
runners are the one machine every office trusts: on each push they install camket and run
`validate --cascade` with the server's own report formats (problems annotate the merge
request), failing the pipeline on an error; on a seal tag `cam-ket-YEAR` they print that
year's commitment sheets, and on demand the report, as files to download.

- gitlab: `.gitlab-ci.yml` (GitLab CI; tested by running it with gitlab-ci-local);
- github: `.github/workflows/camket.yml` (GitHub Actions; Gitea and Forgejo Actions read the
  same file; checked with actionlint).

camket is installed with `pip install $CAMKET_PIP_SPEC`: `camket` from PyPI unless the
variable says otherwise (a fixed version such as `camket==0.1.0`, or a wheel the office
keeps). The comments are for the clerk who opens the file, so they are Vietnamese.
"""

from __future__ import annotations

CHOICES = ("gitlab", "github", "none")

GITLAB_CI = """\
# Kiểm tra dữ liệu cam kết trên máy chủ GitLab (tệp do "camket init" viết).
# - Mỗi lần đẩy (git push): cài camket, kiểm tra dữ liệu, cả thư mục của các cấp dưới nếu có.
#   Dữ liệu có lỗi thì pipeline báo đỏ; các lỗi hiện trong yêu cầu hợp nhất (merge request,
#   mục Code Quality) và ở thẻ Tests của pipeline, kèm tệp và dòng.
# - Khi đẩy thẻ niêm phong cam-ket-NĂM: in bản cam kết của năm đó (tải về ở mục Artifacts).
# - Báo cáo: bấm chạy job "bao-cao" (biến CAMKET_YEAR là năm báo cáo; để trống là năm nay).

variables:
  # Cách cài camket: bản mới nhất trên PyPI. Ghi một phiên bản cố định (ví dụ camket==0.1.0)
  # để mọi lần chạy dùng cùng một bản.
  CAMKET_PIP_SPEC: "camket"
  CAMKET_YEAR: ""
  GIT_DEPTH: "0"  # lấy cả lịch sử: kiểm tra niêm phong cần các commit và thẻ cam-ket-*
  GIT_SUBMODULE_STRATEGY: recursive  # thư mục dữ liệu của các cấp dưới (git submodule)
  PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"

default:
  image: python:3.12
  cache:
    key: camket-pip
    paths: [.cache/pip]
  before_script:
    - python3 -m venv .camket-venv
    - . .camket-venv/bin/activate
    - pip install --quiet $CAMKET_PIP_SPEC
    # các thẻ niêm phong như trên máy chủ (nơi chúng được bảo vệ)
    - git fetch --quiet --tags --force origin 2>/dev/null || true

stages: [kiem-tra, van-ban]

kiem-tra:
  stage: kiem-tra
  script:
    - camket validate --cascade
      --report gitlab:gl-code-quality-report.json --report junit:camket-junit.xml
  artifacts:
    when: always
    expire_in: 30 days
    paths: [gl-code-quality-report.json, camket-junit.xml]
    reports:
      codequality: gl-code-quality-report.json
      junit: camket-junit.xml

ban-cam-ket:
  stage: van-ban
  rules:
    - if: $CI_COMMIT_TAG =~ /^cam-ket-[0-9]{4}$/
  script:
    - camket sheets "${CI_COMMIT_TAG#cam-ket-}" --out ban-cam-ket
  artifacts:
    name: "ban-cam-ket-$CI_COMMIT_TAG"
    paths: [ban-cam-ket/]

bao-cao:
  stage: van-ban
  when: manual
  allow_failure: true
  script:
    - camket report "${CAMKET_YEAR:-$(date +%Y)}" --cascade --out bao-cao
  artifacts:
    name: "bao-cao-$CI_COMMIT_REF_SLUG"
    paths: [bao-cao/]
"""

_SETUP = """\
      - uses: actions/checkout@v6
        with:
          fetch-depth: 0  # cả lịch sử và các thẻ: kiểm tra niêm phong cần chúng
          submodules: recursive  # thư mục dữ liệu của các cấp dưới (git submodule)
      - uses: actions/setup-python@v6
        with:
          python-version: "3.12"
      - name: Cài camket
        run: |
          # shellcheck disable=SC2086  # CAMKET_PIP_SPEC có thể gồm nhiều từ
          pip install --quiet $CAMKET_PIP_SPEC
"""

GITHUB_WORKFLOW = (
    """\
# Kiểm tra dữ liệu cam kết trên GitHub, Gitea hoặc Forgejo (tệp do "camket init --ci github"
# viết; Gitea và Forgejo Actions đọc cùng tệp này).
# - Mỗi lần đẩy (git push) và mỗi yêu cầu hợp nhất: cài camket, kiểm tra dữ liệu, cả thư mục
#   của các cấp dưới nếu có; lỗi hiện ngay trên các dòng đã sửa, dữ liệu có lỗi thì báo đỏ.
# - Khi đẩy thẻ niêm phong cam-ket-NĂM: in bản cam kết của năm đó (tải về ở mục Artifacts).
# - Báo cáo: chạy tay (Run workflow), ghi năm báo cáo (để trống là năm nay).
name: camket

on:
  push:
  pull_request:
  workflow_dispatch:
    inputs:
      year:
        description: "Năm báo cáo (để trống: năm nay)"
        required: false
        default: ""

permissions:
  contents: read

env:
  # Cách cài camket: bản mới nhất trên PyPI. Ghi một phiên bản cố định (ví dụ camket==0.1.0)
  # để mọi lần chạy dùng cùng một bản.
  CAMKET_PIP_SPEC: camket

jobs:
  kiem-tra:
    runs-on: ubuntu-latest
    steps:
"""
    + _SETUP
    + """\
      - name: Kiểm tra dữ liệu
        run: camket validate --cascade --format github --report junit:camket-junit.xml
      - name: Lưu kết quả kiểm tra
        if: always()
        uses: actions/upload-artifact@v6
        with:
          name: camket-junit
          path: camket-junit.xml
          if-no-files-found: ignore

  ban-cam-ket:
    if: startsWith(github.ref, 'refs/tags/cam-ket-')
    needs: kiem-tra
    runs-on: ubuntu-latest
    steps:
"""
    + _SETUP
    + """\
      - name: In bản cam kết của năm niêm phong
        run: camket sheets "${GITHUB_REF_NAME#cam-ket-}" --out ban-cam-ket
      - uses: actions/upload-artifact@v6
        with:
          name: ban-cam-ket-${{ github.ref_name }}
          path: ban-cam-ket/

  bao-cao:
    if: github.event_name == 'workflow_dispatch'
    needs: kiem-tra
    runs-on: ubuntu-latest
    steps:
"""
    + _SETUP
    + """\
      - name: Lập báo cáo
        env:
          YEAR: ${{ inputs.year }}
        run: camket report "${YEAR:-$(date +%Y)}" --cascade --out bao-cao
      - uses: actions/upload-artifact@v6
        with:
          name: bao-cao
          path: bao-cao/
"""
)

FILES: dict[str, tuple[str, str]] = {
    "gitlab": (".gitlab-ci.yml", GITLAB_CI),
    "github": (".github/workflows/camket.yml", GITHUB_WORKFLOW),
}


def files(choice: str) -> list[tuple[str, str]]:
    """(path in the data folder, text) of the CI files for `choice` (none for "none")."""
    return [FILES[choice]] if choice in FILES else []
