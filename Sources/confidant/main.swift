print("confidant")
