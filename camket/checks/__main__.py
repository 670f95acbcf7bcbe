from camket.checks import document

print(document(), end="")
